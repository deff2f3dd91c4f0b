using System.Net;
using System.Text.Json.Nodes;

namespace Decisioning.Host.Tests;

/// <summary>Submitting applications and reading decisions over HTTP: statuses, idempotency and bad bodies.</summary>
[TestClass]
public sealed class ApplicationsApiTests
{
    private static ServiceUnderTest s_service = null!;

    [ClassInitialize]
    public static async Task StartAsync(TestContext _) => s_service = await ServiceUnderTest.StartAsync();

    [ClassCleanup]
    public static async Task StopAsync() => await s_service.DisposeAsync();

    [TestMethod]
    public async Task Submit_NewApplication_201WithTheRecommendedDecisionAndItsLocation()
    {
        var id = Applications.NewId();
        using var response = await s_service.SubmitAsync(Applications.Create(id));
        Assert.AreEqual(HttpStatusCode.Created, response.StatusCode);
        Assert.AreEqual($"/api/applications/{id}/decision", response.Headers.Location?.OriginalString);
        var decision = await ServiceUnderTest.JsonAsync(response);
        Assert.AreEqual(id, (string?)decision["applicationId"]);
        Assert.AreEqual("approve", (string?)decision["outcome"]);
        Assert.AreEqual("B", (string?)decision["level"]);
        Assert.AreEqual(120000m, (decimal?)decision["coFinancing"]!["grantDkk"]);
        StringAssert.StartsWith((string?)decision["ruleSet"]!["hash"], "sha256:");
    }

    [TestMethod]
    public async Task Submit_SameBodyAgain_200WithTheSameDecision()
    {
        var body = Applications.Bytes(Applications.Create(Applications.NewId()));
        using var first = await s_service.PostAsync("/api/applications", ServiceUnderTest.ConsultantKey, body);
        using var again = await s_service.PostAsync("/api/applications", ServiceUnderTest.ConsultantKey, body);
        Assert.AreEqual(HttpStatusCode.Created, first.StatusCode);
        Assert.AreEqual(HttpStatusCode.OK, again.StatusCode);
        Assert.AreEqual(await first.Content.ReadAsStringAsync(), await again.Content.ReadAsStringAsync());
    }

    [TestMethod]
    public async Task Submit_SameJsonLaidOutDifferently_200()
    {
        var application = Applications.Create(Applications.NewId());
        using var first = await s_service.SubmitAsync(application);
        var indented = ServiceUnderTest.Utf8(application.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));
        using var again = await s_service.PostAsync("/api/applications", ServiceUnderTest.ConsultantKey, indented);
        Assert.AreEqual(HttpStatusCode.OK, again.StatusCode);
    }

    [TestMethod]
    public async Task Submit_OtherBodyUnderTheSameId_409AndTheFirstStands()
    {
        var id = Applications.NewId();
        using var first = await s_service.SubmitAsync(Applications.Create(id));
        using var other = await s_service.SubmitAsync(Applications.Create(id, a => a["company"]!["employees"] = 24));
        Assert.AreEqual(HttpStatusCode.Conflict, other.StatusCode);
        Assert.AreEqual("application/problem+json", other.Content.Headers.ContentType?.MediaType);
        var stored = s_service.Store.FindApplication(id)!;
        Assert.AreEqual(23, (int?)JsonNode.Parse(stored.Body)!["company"]!["employees"]);
    }

    [TestMethod]
    public async Task Submit_StoresTheBodyByteForByte()
    {
        var id = Applications.NewId();
        var body = ServiceUnderTest.Utf8("  " + Applications.Create(id).ToJsonString().Replace(",", " ,\n", StringComparison.Ordinal) + "\n");
        using var response = await s_service.PostAsync("/api/applications", ServiceUnderTest.ConsultantKey, body);
        Assert.AreEqual(HttpStatusCode.Created, response.StatusCode);
        CollectionAssert.AreEqual(body, s_service.Store.FindApplication(id)!.Body);
        Assert.AreEqual(ServiceUnderTest.Start, s_service.Store.FindApplication(id)!.ReceivedAt);
    }

    [TestMethod]
    [DataRow("""{"applicationId":"X-1","programme":"eksport-2017"}""", "$.activity", "$.company", "$.project")]
    [DataRow("not json", "$")]
    [DataRow("[1,2]", "$")]
    public async Task Submit_BadBody_400NamingEveryBadField(string body, params string[] paths)
    {
        using var response = await s_service.PostAsync("/api/applications", ServiceUnderTest.ConsultantKey, ServiceUnderTest.Utf8(body));
        await AssertBadFields(response, paths);
    }

    [TestMethod]
    public async Task Submit_SeveralBadFields_400NamesEachAndStoresNothing()
    {
        var id = Applications.NewId();
        var application = Applications.Create(id, a =>
        {
            a["company"]!["employees"] = "many";
            a["assessment"]!["technology"] = "telepathy";
            a["project"]!["ownCashDkk"] = -5;
            a["project"]!["plannedEnd"] = "2026-01-01";
        });
        using var response = await s_service.SubmitAsync(application);
        await AssertBadFields(response, "$.company.employees", "$.assessment.technology", "$.project.ownCashDkk", "$.project.plannedEnd");
        Assert.IsNull(s_service.Store.FindApplication(id));
        using var read = await s_service.GetAsync($"/api/applications/{id}/decision", ServiceUnderTest.CommitteeKey);
        Assert.AreEqual(HttpStatusCode.NotFound, read.StatusCode);
    }

    [TestMethod]
    public async Task GetDecision_AfterSubmit_RecommendedAndNoFinalYet()
    {
        var id = Applications.NewId();
        using var submitted = await s_service.SubmitAsync(Applications.Create(id));
        var decision = await ServiceUnderTest.JsonAsync(submitted);
        using var response = await s_service.GetAsync($"/api/applications/{id}/decision", ServiceUnderTest.CommitteeKey);
        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
        var body = await ServiceUnderTest.JsonAsync(response);
        Assert.AreEqual(decision.ToJsonString(), body["recommended"]!.ToJsonString());
        Assert.IsNull(body["final"]);
    }

    [TestMethod]
    public async Task GetDecision_UnknownId_404Problem()
    {
        using var response = await s_service.GetAsync("/api/applications/NO-SUCH-ID/decision", ServiceUnderTest.CommitteeKey);
        Assert.AreEqual(HttpStatusCode.NotFound, response.StatusCode);
        var problem = await ServiceUnderTest.JsonAsync(response);
        Assert.AreEqual(404, (int?)problem["status"]);
        Assert.IsFalse(string.IsNullOrEmpty((string?)problem["correlationId"]));
    }

    [TestMethod]
    public async Task EligibilityCheck_WithoutProject_200WithAnOfferPerActivityAndNothingStored()
    {
        var id = Applications.NewId();
        var application = Applications.Create(id, a => a.Remove("project"));
        using var response = await s_service.PostAsync("/api/eligibility-checks", ServiceUnderTest.ConsultantKey, application);
        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
        var check = await ServiceUnderTest.JsonAsync(response);
        Assert.AreEqual("B", (string?)check["level"]);
        var offers = check["offers"]!.AsArray();
        Assert.AreEqual(6, offers.Count);
        var individual = offers.Single(o => (string?)o!["activity"] == "individual-growth")!;
        Assert.IsTrue((bool)individual["eligible"]!);
        Assert.IsNull(s_service.Store.FindApplication(id));
    }

    [TestMethod]
    public async Task EligibilityCheck_BadBody_400NamingTheField()
    {
        var application = Applications.Create(Applications.NewId(), a => a["company"]!["cvr"] = "12");
        using var response = await s_service.PostAsync("/api/eligibility-checks", ServiceUnderTest.ConsultantKey, application);
        await AssertBadFields(response, "$.company.cvr");
    }

    [TestMethod]
    public async Task UnknownRoute_404Problem()
    {
        using var response = await s_service.GetAsync("/api/nothing-here", ServiceUnderTest.CommitteeKey);
        Assert.AreEqual(HttpStatusCode.NotFound, response.StatusCode);
        Assert.AreEqual("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    internal static async Task AssertBadFields(HttpResponseMessage response, params string[] paths)
    {
        Assert.AreEqual(HttpStatusCode.BadRequest, response.StatusCode, await response.Content.ReadAsStringAsync());
        Assert.AreEqual("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await ServiceUnderTest.JsonAsync(response);
        var named = problem["errors"]!.AsArray().Select(e => (string?)e!["path"]).ToList();
        foreach (var path in paths)
        {
            CollectionAssert.Contains(named, path, $"{path} is not among {string.Join(", ", named)}");
        }
        Assert.IsFalse(string.IsNullOrEmpty((string?)problem["correlationId"]));
    }
}
