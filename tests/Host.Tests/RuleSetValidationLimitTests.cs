using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Decisioning.Host.Apis;
using Decisioning.Host.Hosting;
using Decisioning.Rules;
using Microsoft.Extensions.Logging.Abstractions;

namespace Decisioning.Host.Tests;

/// <summary>
/// Validation can never take the service down: a hostile rule set sent to <c>POST /api/rulesets/validate</c> is a
/// refusal with file, rule and line; a caller gets one validation at a time; a validation past its deadline is refused;
/// an upload is bounded before it is unpacked.
/// </summary>
[TestClass]
public sealed class RuleSetValidationLimitTests
{
    private static ServiceUnderTest s_service = null!;

    [ClassInitialize]
    public static async Task StartAsync(TestContext _) => s_service = await ServiceUnderTest.StartAsync();

    [ClassCleanup]
    public static async Task StopAsync() => await s_service.DisposeAsync();

    private const string PassMark = "\"Expression\": \"0.70m\"";

    [TestMethod]
    [DataRow("0.70m / 0", "cannot be evaluated: Attempted to divide by zero")]
    [DataRow("((((((((((((((((((((((((((((((((((0.70m))))))))))))))))))))))))))))))))))", "nests brackets 34 deep")]
    public async Task Validate_AHostilePassMark_RefusedNamingFileRuleAndLine_AndTheServiceStaysUp(string expression, string message)
    {
        var files = RuleFiles();
        files["rules/framework/scorecard.json"] = ((string)files["rules/framework/scorecard.json"]!).Replace(PassMark, $"\"Expression\": \"{expression}\"", StringComparison.Ordinal);
        using var response = await s_service.PostAsync("/api/rulesets/validate", ServiceUnderTest.PolicyKey, files);
        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode, await response.Content.ReadAsStringAsync());
        var result = await ServiceUnderTest.JsonAsync(response);
        Assert.IsFalse((bool)result["valid"]!);
        var error = result["errors"]!.AsArray().First()!;
        Assert.AreEqual("rules/framework/scorecard.json", (string?)error["file"], result.ToJsonString());
        Assert.AreEqual("P3.2 pass mark", (string?)error["rule"]);
        Assert.IsNotNull((int?)error["line"]);
        StringAssert.Contains((string?)error["message"], message);
        using var health = await s_service.GetAsync("/health", null);
        Assert.AreEqual(HttpStatusCode.OK, health.StatusCode);
    }

    [TestMethod]
    public async Task Validate_ThreeAtOnceByOneCaller_OneRuns_TheOthersAre429()
    {
        var files = RuleFiles();
        var answers = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => s_service.PostAsync("/api/rulesets/validate", ServiceUnderTest.PolicyKey, files)));
        var codes = answers.Select(a => a.StatusCode).ToList();
        Assert.AreEqual(1, codes.Count(c => c == HttpStatusCode.OK), string.Join(", ", codes));
        Assert.AreEqual(2, codes.Count(c => c == HttpStatusCode.TooManyRequests), string.Join(", ", codes));
        foreach (var a in answers)
        {
            a.Dispose();
        }
        using var again = await s_service.PostAsync("/api/rulesets/validate", ServiceUnderTest.PolicyKey, files);
        Assert.AreEqual(HttpStatusCode.OK, again.StatusCode, "a caller may validate again once the last one finished");
    }

    [TestMethod]
    public async Task Validate_ThreeCallersAtOnce_TwoRun_TheThirdIsBusy()
    {
        var validator = new RuleSetValidator(s_service.Store, TimeProvider.System, NullLogger<RuleSetValidator>.Instance);
        var source = RuleSetSource.FromDirectories(TestFiles.Rules, TestFiles.Templates);
        var results = await Task.WhenAll(new[] { "a", "b", "c" }.Select(caller => validator.ValidateAsync(caller, source, "test", CancellationToken.None)));
        Assert.AreEqual(RuleSetLimits.MaxConcurrentValidations, results.Count(r => r.Valid), string.Join(", ", results.Select(r => r.Busy)));
        Assert.AreEqual(1, results.Count(r => r.Busy));
    }

    [TestMethod]
    public void Upload_UnpackingPastTheWholeCap_IsRefused()
    {
        var random = new Random(7);
        var files = Enumerable.Range(0, (int)(RuleSetUpload.MaxUnpackedBytes / RuleSetLimits.MaxFileBytes) + 1).Select(i =>
        {
            var content = new byte[RuleSetLimits.MaxFileBytes];
            random.NextBytes(content);
            return ($"rules/notes/n{i}.md", content);
        }).ToArray();
        var upload = RuleSetUpload.Read(Zip(files), "application/zip");
        Assert.IsFalse(upload.IsValid);
        StringAssert.Contains(upload.Errors.Single().Message, $"past {RuleSetUpload.MaxUnpackedBytes} bytes for the whole upload");
    }

    [TestMethod]
    public async Task Validate_PastItsDeadline_IsARefusalNamingTheDeadline()
    {
        var validator = new RuleSetValidator(s_service.Store, TimeProvider.System, NullLogger<RuleSetValidator>.Instance) { Deadline = TimeSpan.FromMilliseconds(1) };
        var source = RuleSetSource.FromDirectories(TestFiles.Rules, TestFiles.Templates);
        var result = await validator.ValidateAsync("policy", source, "test", CancellationToken.None);
        Assert.IsFalse(result.Valid);
        StringAssert.Contains(result.Errors.Single().Message, "did not finish within 0.001 s");
    }

    [TestMethod]
    public void Upload_AZipBomb_IsRefusedBeforeItIsUnpacked()
    {
        var zip = Zip(("rules/framework/bomb.json", new byte[RuleSetLimits.MaxFileBytes]));
        var upload = RuleSetUpload.Read(zip, "application/zip");
        Assert.IsFalse(upload.IsValid);
        StringAssert.Contains(upload.Errors.Single().Message, $"a ratio of {RuleSetUpload.MaxCompressionRatio}");
    }

    [TestMethod]
    public void Upload_MoreEntriesThanFiles_IsRefused()
    {
        var zip = Zip([.. Enumerable.Range(0, RuleSetUpload.MaxFiles + 1).Select(i => ($"rules/n{i}.md", new byte[] { 1 }))]);
        var upload = RuleSetUpload.Read(zip, "application/zip");
        Assert.IsFalse(upload.IsValid);
        StringAssert.Contains(upload.Errors.Single().Message, $"at most {RuleSetUpload.MaxFiles} files");
    }

    [TestMethod]
    [DataRow("/etc/passwd")]
    [DataRow("C:/rules/x.json")]
    [DataRow("rules/a\u0001b.json")]
    [DataRow("rules/../../x.json")]
    public void Upload_AFileNameOutsideTheRuleSet_IsRefused(string name)
    {
        var upload = RuleSetUpload.Read(Zip((name, Encoding.UTF8.GetBytes("{}"))), "application/zip");
        Assert.IsFalse(upload.IsValid);
        Assert.AreEqual(name, upload.Errors.Single().Path);
    }

    [TestMethod]
    public void Upload_AFileNameTooLong_IsRefused()
    {
        var name = "rules/" + new string('a', RuleSetUpload.MaxNameLength);
        var upload = RuleSetUpload.Read(Encoding.UTF8.GetBytes(new JsonObject { [name] = "x" }.ToJsonString()), "application/json");
        Assert.IsFalse(upload.IsValid);
        StringAssert.Contains(upload.Errors.Single().Message, $"at most {RuleSetUpload.MaxNameLength} characters");
    }

    private static byte[] Zip(params (string Name, byte[] Content)[] entries)
    {
        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var stream = archive.CreateEntry(name, CompressionLevel.SmallestSize).Open();
                stream.Write(content);
            }
        }
        return zip.ToArray();
    }

    private static JsonObject RuleFiles()
    {
        var files = new JsonObject();
        foreach (var file in RuleSetSource.FromDirectories(TestFiles.Rules, TestFiles.Templates).Files)
        {
            files[file.Path] = file.Text;
        }
        return files;
    }
}
