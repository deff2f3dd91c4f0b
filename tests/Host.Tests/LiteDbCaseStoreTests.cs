using Decisioning.Host.Store;
using Decisioning.Host.Store.LiteDb;

namespace Decisioning.Host.Tests;

/// <summary>The case-store contract on the embedded LiteDB engine, a new file per test.</summary>
[TestClass]
public sealed class LiteDbCaseStoreTests : CaseStoreContract
{
    private readonly string _db = Path.Combine(TestFiles.TempFolder(), "decisioning.db");

    private protected override ICaseStore Open(TimeProvider time) => LiteDbCaseStore.Open(_db, time);

    [TestMethod]
    public async Task TheCommitteeQueue_ListsTheOtherCases_WhenOneRecordIsUnreadable()
    {
        using (var s = Start())
        {
            await s.SubmitAsync(Applications.Create("Q-GOOD-1"));
            await s.SubmitAsync(Applications.Create("Q-BAD"));
            await s.SubmitAsync(Applications.Create("Q-GOOD-2"));
        }
        using (var direct = new LiteDB.LiteDatabase($"Filename={_db};Connection=direct"))
        {
            var cases = direct.GetCollection("cases");
            var bad = cases.FindById("Q-BAD");
            bad["receivedAt"] = 42;
            bad["amount"] = "not a number";
            cases.Update(bad);
        }
        using var store = Open(TimeProvider.System);
        var queue = store.ListCases(new CaseQuery { Status = CaseStatusFilter.Awaiting }).Cases;
        CollectionAssert.AreEquivalent(new[] { "Q-GOOD-1", "Q-BAD", "Q-GOOD-2" }, queue.Select(c => c.ApplicationId).ToArray());
        StringAssert.Contains(queue.Single(c => c.ApplicationId == "Q-BAD").CompanyName, "unreadable record");
        Assert.AreEqual("Nordlys Maskiner ApS", queue.Single(c => c.ApplicationId == "Q-GOOD-1").CompanyName);
    }
}
