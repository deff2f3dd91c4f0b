using System.Net;
using Decisioning.Host.Cli;
using LiteDB;

namespace Decisioning.Host.Tests;

/// <summary><c>audit verify</c>: a sound chain passes; altering, removing or adding a record or an entry names the first broken one.</summary>
[TestClass]
public sealed class AuditTests
{
    private static string s_db = null!;
    private static string s_first = null!;
    private static string s_second = null!;

    [ClassInitialize]
    public static async Task CreateAsync(TestContext _)
    {
        await using var service = await ServiceUnderTest.StartAsync();
        s_db = service.Db;
        s_first = Applications.NewId("A");
        s_second = Applications.NewId("B");
        using var one = await service.SubmitAsync(Applications.Create(s_first));
        using var two = await service.SubmitAsync(Applications.Create(s_second));
        using var final = await service.DecideAsync(s_first, new { outcome = "approve", grantDkk = 120000, decidedBy = "Anna" });
        Assert.AreEqual(HttpStatusCode.Created, final.StatusCode);
    }

    [TestMethod]
    public async Task Verify_AnUntouchedStore_ValidExit0()
    {
        var (exit, stdout, _) = await Verify(Copy());
        Assert.AreEqual(ExitCodes.Ok, exit);
        StringAssert.Contains(stdout, "\"valid\": true");
        StringAssert.Contains(stdout, "\"entries\": 7");
    }

    [TestMethod]
    public async Task Verify_AFinalDecisionAlteredInTheFile_NamesItsEntry()
    {
        var db = Copy();
        Tamper(db, d =>
        {
            var decisions = d.GetCollection("finalDecisions");
            var doc = decisions.FindById(s_first);
            doc["record"] = doc["record"].AsString.Replace("\"grantDkk\":120000", "\"grantDkk\":400000", StringComparison.Ordinal);
            decisions.Update(doc);
        });
        var (exit, _, stderr) = await Verify(db);
        Assert.AreEqual(ExitCodes.Failure, exit);
        StringAssert.Contains(stderr, $"audit entry 7 (final-decision finalDecisions/{s_first})");
        StringAssert.Contains(stderr, "altered");
    }

    [TestMethod]
    public async Task Verify_AnEntryRemoved_NamesTheGap()
    {
        var db = Copy();
        Tamper(db, d => d.GetCollection("audit").Delete(4));
        var (exit, _, stderr) = await Verify(db);
        Assert.AreEqual(ExitCodes.Failure, exit);
        StringAssert.Contains(stderr, "audit entry 5");
        StringAssert.Contains(stderr, "missing");
    }

    [TestMethod]
    public async Task Verify_AnEntryRewritten_NamesIt()
    {
        var db = Copy();
        Tamper(db, d =>
        {
            var audit = d.GetCollection("audit");
            var entry = audit.FindById(3);
            entry["at"] = "2020-01-01T00:00:00.0000000+00:00";
            audit.Update(entry);
        });
        var (exit, _, stderr) = await Verify(db);
        Assert.AreEqual(ExitCodes.Failure, exit);
        StringAssert.Contains(stderr, "audit entry 3");
    }

    [TestMethod]
    public async Task Verify_ARecordAddedBehindTheTrailsBack_NamesIt()
    {
        var db = Copy();
        Tamper(db, d => d.GetCollection("applications").Insert(new BsonDocument { ["_id"] = "SNEAKED-IN", ["body"] = new byte[] { 1 }, ["receivedAt"] = "2026-01-01T00:00:00.0000000+00:00" }));
        var (exit, _, stderr) = await Verify(db);
        Assert.AreEqual(ExitCodes.Failure, exit);
        StringAssert.Contains(stderr, "applications/SNEAKED-IN: the record is not in the audit trail");
    }

    [TestMethod]
    public async Task Verify_NoDatabaseThere_Exit1WithoutCreatingOne()
    {
        var db = Path.Combine(TestFiles.TempFolder(), "none.db");
        var (exit, _, stderr) = await Verify(db);
        Assert.AreEqual(ExitCodes.Failure, exit);
        StringAssert.Contains(stderr, "There is no database");
        Assert.IsFalse(File.Exists(db));
    }

    private static string Copy()
    {
        var db = Path.Combine(TestFiles.TempFolder(), "decisioning.db");
        File.Copy(s_db, db);
        foreach (var beside in new[] { ".audit-key", ".audit-head" })
        {
            File.Copy(Path.ChangeExtension(s_db, beside), Path.ChangeExtension(db, beside));
        }
        return db;
    }

    private static void Tamper(string db, Action<LiteDatabase> change)
    {
        using var direct = new LiteDatabase($"Filename={db};Connection=direct");
        change(direct);
    }

    internal static async Task<(int Exit, string Stdout, string Stderr)> Verify(string db)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = await CommandLine.RunAsync(["audit", "verify", "--db", db], TextReader.Null, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }
}
