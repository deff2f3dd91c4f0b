using System.Net;
using System.Text.Json.Nodes;
using Decisioning.Host.Auth;

namespace Decisioning.Host.Tests;

/// <summary>
/// <c>/api/rulesets/impact-jobs</c>: start a run of every stored case under a candidate, poll it to its report, page the
/// changed cases, cancel, and the refusals (bad rule set, bad page, unknown job, wrong role).
/// </summary>
[TestClass]
public sealed class ImpactJobsApiTests
{
    private static ServiceUnderTest s_service = null!;
    private static readonly List<string> s_germany = [];

    [ClassInitialize]
    public static async Task StartAsync(TestContext _)
    {
        s_service = await ServiceUnderTest.StartAsync();
        foreach (var i in new[] { 3, 1, 2 })
        {
            var id = $"IMPACT-G{i}";
            s_germany.Add(id);
            using var r = await s_service.SubmitAsync(Applications.Germany(id, 600_000, $"7000000{i}"));
            Assert.AreEqual(HttpStatusCode.Created, r.StatusCode, await r.Content.ReadAsStringAsync());
        }
        foreach (var id in new[] { "IMPACT-E1", "IMPACT-E2" })
        {
            using var r = await s_service.SubmitAsync(Applications.Create(id));
            Assert.AreEqual(HttpStatusCode.Created, r.StatusCode, await r.Content.ReadAsStringAsync());
        }
        s_germany.Sort(StringComparer.Ordinal);
    }

    [ClassCleanup]
    public static async Task StopAsync() => await s_service.DisposeAsync();

    /// <summary>The active files with the germany budget (P6.5) cut to 200 000 DKK: each 300 000 DKK germany grant is reduced.</summary>
    private static JsonObject Candidate(string budget = "200000")
    {
        var files = TestFiles.RuleSetFiles();
        const string Activities = "rules/programmes/eksport-2017/activities.json";
        files[Activities] = ((string)files[Activities]!).Replace("\"budgetDkk\": 1500000", $"\"budgetDkk\": {budget}", StringComparison.Ordinal);
        return files;
    }

    private static async Task<JsonObject> Done(string location)
    {
        for (var i = 0; i < 600; i++)
        {
            using var r = await s_service.GetAsync(location, ServiceUnderTest.PolicyKey);
            Assert.AreEqual(HttpStatusCode.OK, r.StatusCode);
            var job = await ServiceUnderTest.JsonAsync(r);
            if ((string?)job["state"] != "running")
            {
                return job;
            }
            await Task.Delay(50);
        }
        Assert.Fail("the impact job did not finish within 30 s");
        return null!;
    }

    private static async Task<HttpResponseMessage> Delete(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Delete, path);
        request.Headers.Add(ApiKeyAuthenticationHandler.Header, ServiceUnderTest.PolicyKey);
        return await s_service.Http.SendAsync(request);
    }

    [TestMethod]
    public async Task AJob_RunsOverEveryStoredCase_ReportsCountsTotals_AndPagesTheChangedCases()
    {
        using var started = await s_service.PostAsync("/api/rulesets/impact-jobs", ServiceUnderTest.PolicyKey, Candidate());
        Assert.AreEqual(HttpStatusCode.Accepted, started.StatusCode, await started.Content.ReadAsStringAsync());
        var location = started.Headers.Location!.ToString();
        StringAssert.StartsWith(location, "/api/rulesets/impact-jobs/impact-");
        var job = await Done(location);
        Assert.AreEqual("done", (string?)job["state"], job.ToJsonString());
        var report = job["report"]!;
        Assert.AreEqual(5, (int)report["cases"]!);
        Assert.AreEqual(3, (int)report["changed"]!);
        Assert.AreEqual(2, (int)report["unchanged"]!);
        Assert.AreEqual(5, (int)job["done"]!);
        Assert.IsFalse((bool)report["changedCasesTruncated"]!);
        Assert.AreEqual(5, report["transitions"]!.AsArray().Sum(t => (int)t!["count"]!));

        using var page = await s_service.GetAsync(location + "/changes?offset=1&limit=1", ServiceUnderTest.PolicyKey);
        Assert.AreEqual(HttpStatusCode.OK, page.StatusCode);
        var changes = await ServiceUnderTest.JsonAsync(page);
        Assert.AreEqual(3, (int)changes["changed"]!);
        Assert.AreEqual(s_germany[1], (string?)changes["items"]![0]!["applicationId"], changes.ToJsonString());
        Assert.IsLessThan((decimal)changes["items"]![0]!["stored"]!["grantDkk"]!, (decimal)changes["items"]![0]!["candidate"]!["grantDkk"]!, "the smaller budget lowers the grant");
        Assert.HasCount(1, changes["items"]!.AsArray());

        using var all = await s_service.GetAsync(location + "/changes?limit=1000", ServiceUnderTest.PolicyKey);
        var items = (await ServiceUnderTest.JsonAsync(all))["items"]!.AsArray();
        CollectionAssert.AreEqual(s_germany, items.Select(c => (string?)c!["applicationId"]).ToList());
        Assert.AreEqual(items.Sum(c => (decimal)c!["candidate"]!["grantDkk"]! - (decimal)c!["stored"]!["grantDkk"]!), (decimal)report["grantChangeDkk"]!);
        Assert.IsLessThan(0m, (decimal)report["grantChangeDkk"]!);

        using var cancelled = await Delete(location);
        Assert.AreEqual(HttpStatusCode.Accepted, cancelled.StatusCode);
        Assert.AreEqual("done", (string?)(await ServiceUnderTest.JsonAsync(cancelled))["state"], "a finished job stays done");
    }

    [TestMethod]
    public async Task Refusals_ABrokenRuleSet_ABadPage_AnUnknownJob_AnotherRole()
    {
        var broken = Candidate();
        broken["rules/framework/amounts.json"] = "{ \"WorkflowName\": ";
        using var refused = await s_service.PostAsync("/api/rulesets/impact-jobs", ServiceUnderTest.PolicyKey, broken);
        Assert.AreEqual(HttpStatusCode.BadRequest, refused.StatusCode);
        var problem = await ServiceUnderTest.JsonAsync(refused);
        Assert.IsTrue(problem["errors"]!.AsArray().Any(e => ((string?)e!["path"])!.StartsWith("rules/framework/amounts.json", StringComparison.Ordinal)), problem.ToJsonString());

        using var started = await s_service.PostAsync("/api/rulesets/impact-jobs", ServiceUnderTest.PolicyKey, Candidate("300000"));
        Assert.AreEqual(HttpStatusCode.Accepted, started.StatusCode, await started.Content.ReadAsStringAsync());
        var location = started.Headers.Location!.ToString();
        await Done(location);
        using var badPage = await s_service.GetAsync(location + "/changes?offset=-1&limit=0", ServiceUnderTest.PolicyKey);
        Assert.AreEqual(HttpStatusCode.BadRequest, badPage.StatusCode);
        var paths = (await ServiceUnderTest.JsonAsync(badPage))["errors"]!.AsArray().Select(e => (string?)e!["path"]).ToList();
        CollectionAssert.AreEqual(new[] { "$.offset", "$.limit" }, paths);

        using var unknown = await s_service.GetAsync("/api/rulesets/impact-jobs/impact-0000", ServiceUnderTest.PolicyKey);
        Assert.AreEqual(HttpStatusCode.NotFound, unknown.StatusCode);
        using var unknownCancel = await Delete("/api/rulesets/impact-jobs/impact-0000");
        Assert.AreEqual(HttpStatusCode.NotFound, unknownCancel.StatusCode);

        using var consultant = await s_service.GetAsync(location, ServiceUnderTest.ConsultantKey);
        Assert.AreEqual(HttpStatusCode.Forbidden, consultant.StatusCode);
        using var anonymous = await s_service.GetAsync(location, null);
        Assert.AreEqual(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }
}
