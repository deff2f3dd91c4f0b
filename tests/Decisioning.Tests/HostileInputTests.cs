using System.Text;
using System.Text.Json.Nodes;
using Decisioning.Host.Cli;
using Decisioning.Input;
using Decisioning.Tests.Support;

namespace Decisioning.Tests;

/// <summary>
/// Input that does not decode, or ids and dates no case can have, is bad input naming its path: the reader never
/// throws, and <c>decisioning decide</c> exits 2 instead of crashing (it exited 134 on invalid UTF-8).
/// </summary>
[TestClass]
public sealed class HostileInputTests
{
    private static byte[] Bytes(JsonObject a) => Encoding.UTF8.GetBytes(a.ToJsonString());

    private static byte[] WithNameBytes(byte[] raw)
    {
        var text = Bytes(Applications.Base());
        var at = text.AsSpan().IndexOf("Nordlys"u8);
        return [.. text.AsSpan(0, at), .. raw, .. text.AsSpan(at + 7)];
    }

    [TestMethod]
    [DataRow(new byte[] { 0xFF, 0xFE }, DisplayName = "invalid byte")]
    [DataRow(new byte[] { 0xC0, 0xAF }, DisplayName = "overlong encoding")]
    [DataRow(new byte[] { 0xED, 0xA0, 0x80 }, DisplayName = "surrogate as UTF-8")]
    [DataRow(new byte[] { (byte)'\\', (byte)'u', (byte)'d', (byte)'8', (byte)'0', (byte)'0' }, DisplayName = "unpaired surrogate escape")]
    public void Reader_TextThatDoesNotDecode_IsBadInputAtTheRoot(byte[] raw)
    {
        var result = ApplicationReader.Read(WithNameBytes(raw), TestRules.Snapshot.Policy);
        Assert.IsFalse(result.IsValid);
        Assert.AreEqual("$", result.Errors.Single().Path);
    }

    [TestMethod]
    [DataRow("A", true)]
    [DataRow("SMP-2026_0001.v2", true)]
    [DataRow("", false)]
    [DataRow("SMP 1", false)]
    [DataRow("SMP/1", false)]
    [DataRow("SMP-Æ", false)]
    [DataRow("SMP\u00001", false)]
    public void ApplicationId_IsOneTo64OfTheAllowedCharacters(string id, bool valid)
    {
        Assert.AreEqual(valid, ApplicationIds.Problem(id) is null, id);
        Assert.IsTrue(ApplicationIds.Problem(new string('a', 64)) is null);
        Assert.IsFalse(ApplicationIds.Problem(new string('a', 65)) is null);
    }

    [TestMethod]
    [DataRow("submittedOn", "2200-01-01")]
    [DataRow("submittedOn", "1799-12-31")]
    public void Reader_DateOutsideTheBounds_IsBadInput(string field, string date)
    {
        var a = Applications.Base();
        a[field] = date;
        var result = ApplicationReader.Read(Bytes(a), TestRules.Snapshot.Policy);
        CollectionAssert.Contains(result.Errors.Select(e => e.Path).ToList(), "$." + field);
    }

    [TestMethod]
    public async Task Decide_OnAFileThatIsNotUtf8_ExitsTwoWithTheError()
    {
        var file = Path.Combine(Path.GetTempPath(), $"decisioning-bad-{Guid.NewGuid():N}.json");
        await File.WriteAllBytesAsync(file, WithNameBytes([0xFF]));
        try
        {
            var output = new StringWriter();
            var error = new StringWriter();
            var exit = await CommandLine.RunAsync(["decide", file, "--rules", RepoPaths.Rules, "--templates", RepoPaths.Templates], new StringReader(""), output, error);
            Assert.AreEqual(2, exit, error.ToString());
            StringAssert.Contains(output.ToString() + error.ToString(), "UTF-8");
        }
        finally
        {
            File.Delete(file);
        }
    }
}
