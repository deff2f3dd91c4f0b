using System.IO.Compression;
using System.Net;
using System.Text.Json.Nodes;

namespace Decisioning.Host.Tests;

/// <summary>The active rule set and validating one without activating it.</summary>
[TestClass]
public sealed class RuleSetsApiTests
{
    private static ServiceUnderTest s_service = null!;

    [ClassInitialize]
    public static async Task StartAsync(TestContext _) => s_service = await ServiceUnderTest.StartAsync();

    [ClassCleanup]
    public static async Task StopAsync() => await s_service.DisposeAsync();

    [TestMethod]
    public async Task Current_VersionHashLoadedAtFilesAndNoReloadError()
    {
        using var response = await s_service.GetAsync("/api/rulesets/current", ServiceUnderTest.PolicyKey);
        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
        var current = await ServiceUnderTest.JsonAsync(response);
        Assert.AreEqual("2026.12-1", (string?)current["version"]);
        StringAssert.StartsWith((string?)current["hash"], "sha256:");
        Assert.AreEqual(ServiceUnderTest.Start, DateTimeOffset.Parse((string)current["loadedAt"]!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.IsTrue(current["files"]!.AsArray().Any(f => (string?)f!["path"] == "rules/ruleset.json"));
        Assert.IsNull(current["lastReloadError"]);
        Assert.IsNotNull(s_service.Store.FindRuleSet((string)current["hash"]!), "the active rule set is stored for replay");
    }

    [TestMethod]
    public async Task Validate_TheActiveFilesAsAJsonMap_ValidWithTheSameHash()
    {
        using var response = await s_service.PostAsync("/api/rulesets/validate", ServiceUnderTest.PolicyKey, RuleFilesAsJson());
        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode, await response.Content.ReadAsStringAsync());
        var result = await ServiceUnderTest.JsonAsync(response);
        Assert.IsTrue((bool)result["valid"]!);
        using var current = await s_service.GetAsync("/api/rulesets/current", ServiceUnderTest.PolicyKey);
        Assert.AreEqual((string?)(await ServiceUnderTest.JsonAsync(current))["hash"], (string?)result["hash"]);
    }

    [TestMethod]
    public async Task Validate_ABrokenRuleFile_NotValidNamingTheFile_AndNothingActivated()
    {
        var files = RuleFilesAsJson();
        files["rules/framework/amounts.json"] = "{ \"WorkflowName\": ";
        using var response = await s_service.PostAsync("/api/rulesets/validate", ServiceUnderTest.PolicyKey, files);
        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
        var result = await ServiceUnderTest.JsonAsync(response);
        Assert.IsFalse((bool)result["valid"]!);
        Assert.IsTrue(result["errors"]!.AsArray().Any(e => (string?)e!["file"] == "rules/framework/amounts.json"), result.ToJsonString());
        using var health = await s_service.GetAsync("/health", null);
        Assert.AreNotEqual((string?)result["hash"], (string?)(await ServiceUnderTest.JsonAsync(health))["ruleSet"]!["hash"]);
    }

    [TestMethod]
    public async Task Validate_AZip_Valid()
    {
        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (path, content) in RuleFilesAsJson())
            {
                using var writer = new StreamWriter(archive.CreateEntry(path).Open());
                writer.Write((string)content!);
            }
        }
        using var response = await s_service.PostAsync("/api/rulesets/validate", ServiceUnderTest.PolicyKey, zip.ToArray(), "application/zip");
        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode, await response.Content.ReadAsStringAsync());
        Assert.IsTrue((bool)(await ServiceUnderTest.JsonAsync(response))["valid"]!);
    }

    [TestMethod]
    [DataRow("[1]", "$")]
    [DataRow("""{"rules/x.json": 5}""", "$['rules/x.json']")]
    [DataRow("""{"../etc/passwd": "x"}""", "$['../etc/passwd']")]
    [DataRow("PK-not-a-zip", "$")]
    public async Task Validate_AnUnreadableBody_400NamingWhatIsWrong(string body, string path)
    {
        using var response = await s_service.PostAsync("/api/rulesets/validate", ServiceUnderTest.PolicyKey, ServiceUnderTest.Utf8(body));
        await ApplicationsApiTests.AssertBadFields(response, path);
    }

    private static JsonObject RuleFilesAsJson()
    {
        var files = new JsonObject();
        foreach (var file in Directory.EnumerateFiles(TestFiles.Rules, "*", SearchOption.AllDirectories))
        {
            files["rules/" + Path.GetRelativePath(TestFiles.Rules, file).Replace('\\', '/')] = File.ReadAllText(file);
        }
        if (Directory.Exists(TestFiles.Templates))
        {
            foreach (var file in Directory.EnumerateFiles(TestFiles.Templates, "*", SearchOption.AllDirectories))
            {
                files["templates/" + Path.GetRelativePath(TestFiles.Templates, file).Replace('\\', '/')] = File.ReadAllText(file);
            }
        }
        return files;
    }
}
