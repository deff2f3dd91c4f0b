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

    [TestMethod]
    public void AFileFromBefore_IsUpgraded_ItsCasesListed_AndIdsStillCompareExactly()
    {
        // a file as the store wrote it before the ledger and case collections (LiteDB's default, case-insensitive collation)
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(ServiceUnderTest.Start);
        using (var s = new StoreFixture(Open(time), time))
        {
            s.SubmitAsync(Applications.Create("OLD-Case-1")).GetAwaiter().GetResult();
        }
        using (var old = new LiteDB.LiteDatabase(_db + ".old"))
        {
            using var current = new LiteDB.LiteDatabase($"Filename={_db};Connection=direct");
            foreach (var name in new[] { "applications", "recommendations" })
            {
                old.GetCollection(name).Insert(current.GetCollection(name).FindAll());
            }
        }
        File.Delete(_db);
        File.Move(_db + ".old", _db);
        using var upgraded = Open(time);
        Assert.AreEqual("OLD-Case-1", upgraded.ListCases(new CaseQuery()).Cases.Single().ApplicationId);
        Assert.IsNotNull(upgraded.FindApplication("OLD-Case-1"));
        Assert.IsNull(upgraded.FindApplication("old-case-1"));
        Assert.AreEqual(0, upgraded.Ledger.Version);
    }
}
