using System.Net;
using System.Text.Json.Nodes;

namespace Decisioning.Host.Tests;

/// <summary>
/// After the grant over real HTTP and the store: submit, final decision, milestones reached and released by two people,
/// follow-up, and the programme report with exact sums; a rejection has no tranches.
/// </summary>
[TestClass]
public sealed class AfterGrantLifecycleTests
{
    private const string Consultant = ServiceUnderTest.ConsultantKey;
    private const string Committee = ServiceUnderTest.CommitteeKey;

    /// <summary>The sample application asking for 100,000 DKK over three milestones, with a head count three years before 2027.</summary>
    internal static JsonObject ThreeMilestones(string id, Action<JsonObject>? change = null) => Applications.Create(id, a =>
    {
        a["project"]!["requestedDkk"] = 100_000;
        a["project"]!["milestones"] = new JsonArray(
            new JsonObject { ["name"] = "Market analysis", ["due"] = "2026-06-30" },
            new JsonObject { ["name"] = "Partner found", ["due"] = "2026-09-30" },
            new JsonObject { ["name"] = "First order", ["due"] = "2026-11-30" });
        a["company"]!["employeeHistory"] = new JsonArray(
            new JsonObject { ["year"] = 2024, ["employees"] = 12 },
            new JsonObject { ["year"] = 2025, ["employees"] = 23 });
        change?.Invoke(a);
    });

    [TestMethod]
    public async Task Lifecycle_SubmitDecideReachReleaseFollowUpReport_AddsUpExactly()
    {
        await using var service = await ServiceUnderTest.StartAsync();
        var id = Applications.NewId("LIFE");
        await SubmitAndConfirm(service, ThreeMilestones(id), 100_000);

        // Equal shares in whole kroner, the remainder on the last (P4.9).
        var plan = await Expect(HttpStatusCode.OK, service.GetAsync($"/api/applications/{id}/tranches", Committee));
        CollectionAssert.AreEqual(new[] { 33_333m, 33_333m, 33_334m }, plan["tranches"]!.AsArray().Select(t => (decimal)t!["trancheDkk"]!).ToArray());

        // Two steps, two people: the committee cannot release what no consultant recorded, and a consultant cannot release.
        await Expect(HttpStatusCode.Conflict, Release(service, id, 1));
        await Expect(HttpStatusCode.Forbidden, service.PostAsync($"/api/applications/{id}/milestones/1/release", Consultant, new JsonObject()));
        var reached = await Expect(HttpStatusCode.Created, Reach(service, id, 1, "2026-03-01"));
        Assert.AreEqual(33_333m, (decimal)reached["trancheDkk"]!);
        await Expect(HttpStatusCode.OK, Reach(service, id, 1, "2026-03-01"));
        await Expect(HttpStatusCode.Conflict, Reach(service, id, 1, "2026-03-02"));
        var released = await Expect(HttpStatusCode.OK, Release(service, id, 1));
        Assert.AreEqual(1, (int)released["milestone"]!);
        Assert.AreEqual("Market analysis", (string?)released["name"]);
        Assert.AreEqual(33_333m, (decimal)released["trancheDkk"]!);
        var again = await Expect(HttpStatusCode.OK, Release(service, id, 1));
        Assert.IsTrue(JsonNode.DeepEquals(released, again), $"{released} / {again}");

        // The next half-year: the other two milestones.
        service.Time.SetUtcNow(new DateTimeOffset(2026, 7, 15, 9, 0, 0, TimeSpan.Zero));
        await Expect(HttpStatusCode.Created, Reach(service, id, 2, "2026-07-10"));
        await Expect(HttpStatusCode.Created, Reach(service, id, 3, "2026-07-14"));
        var progress = await Expect(HttpStatusCode.OK, service.GetAsync($"/api/applications/{id}/tranches", Consultant));
        Assert.AreEqual(33_333m, (decimal)progress["paidDkk"]!);
        Assert.AreEqual(66_667m, (decimal)progress["dueDkk"]!);
        Assert.AreEqual(66_667m, (decimal)progress["remainingDkk"]!);
        await Expect(HttpStatusCode.OK, Release(service, id, 2));
        var last = await Expect(HttpStatusCode.OK, Release(service, id, 3));
        Assert.AreEqual(100_000m, (decimal)last["paidDkk"]!);
        await Expect(HttpStatusCode.NotFound, Release(service, id, 4));

        // Follow-up in 2027 (due 2027-01-30: planned end plus two months, P8.4): 12 employees in 2024, 30 now (P9.1: 30 >= 1.728 x 12).
        service.Time.SetUtcNow(new DateTimeOffset(2027, 2, 10, 9, 0, 0, TimeSpan.Zero));
        var overdue = await Expect(HttpStatusCode.OK, service.GetAsync("/api/follow-ups?status=overdue", Committee));
        Assert.IsTrue(overdue["items"]!.AsArray().Any(f => (string?)f!["applicationId"] == id && (int)f["daysOverdue"]! == 11), overdue.ToJsonString());
        var followUp = await Expect(HttpStatusCode.Created, service.PostAsync($"/api/applications/{id}/follow-up", Consultant, FollowUpBody("2027-02-09")));
        Assert.IsTrue((bool)followUp["late"]!);
        Assert.AreEqual(true, (bool?)followUp["indicators"]!["growthCompany"]);
        Assert.AreEqual(7, (int)followUp["indicators"]!["observedJobs"]!);
        Assert.AreEqual(2.17m, (decimal)followUp["indicators"]!["expectedJobs"]!);
        Assert.AreEqual(1_000_000m, (decimal)followUp["indicators"]!["observedExportDkk"]!);
        Assert.AreEqual(3_478_260m, (decimal)followUp["indicators"]!["expectedExportDkk"]!);
        await Expect(HttpStatusCode.OK, service.PostAsync($"/api/applications/{id}/follow-up", Consultant, FollowUpBody("2027-02-09")));

        var report = await Expect(HttpStatusCode.OK, service.GetAsync("/api/reports/programme?from=2026-01-01&to=2027-06-30", ServiceUnderTest.PolicyKey));
        var growth = report["activities"]!.AsArray().Single(a => (string?)a!["activity"] == "individual-growth")!;
        var periods = growth["periods"]!.AsArray();
        CollectionAssert.AreEqual(new[] { "2026-H1", "2026-H2", "2027-H1" }, periods.Select(p => (string?)p!["period"]).ToArray());
        Assert.AreEqual(1, (long)periods[0]!["companies"]!);
        Assert.AreEqual(100_000m, (decimal)periods[0]!["grantsDkk"]!);
        Assert.AreEqual(120_000m, (decimal)periods[0]!["coFinancingMatchedDkk"]!);
        Assert.AreEqual(33_333m, (decimal)periods[0]!["tranchesPaidDkk"]!);
        Assert.AreEqual(66_667m, (decimal)periods[1]!["tranchesPaidDkk"]!);
        Assert.AreEqual(2, (long)periods[1]!["tranchesPaid"]!);
        Assert.AreEqual(1, (long)periods[2]!["followUpsDone"]!);
        Assert.AreEqual(1, (long)periods[2]!["followUpsDue"]!);
        Assert.AreEqual(0, (long)periods[2]!["followUpsOverdue"]!);
        Assert.AreEqual(7m, (decimal)periods[2]!["observedJobs"]!);
        Assert.AreEqual(1, (long)periods[2]!["growthCompanies"]!);
        Assert.AreEqual(100_000m, (decimal)growth["budgetUsedDkk"]!);
        Assert.AreEqual(17_800_000m, (decimal)growth["budgetLeftDkk"]!);
        Assert.AreEqual(110, (int)growth["plannedMin"]!);
        Assert.AreEqual(18.3m, (decimal)periods[0]!["plannedMin"]!);

        using var csvRequest = new HttpRequestMessage(HttpMethod.Get, "/api/reports/programme?from=2026-01-01&to=2027-06-30");
        csvRequest.Headers.Add(Decisioning.Host.Auth.ApiKeyAuthenticationHandler.Header, ServiceUnderTest.PolicyKey);
        csvRequest.Headers.Accept.ParseAdd("text/csv");
        using var csv = await service.Http.SendAsync(csvRequest);
        Assert.AreEqual(HttpStatusCode.OK, csv.StatusCode);
        Assert.AreEqual("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync()).Split("\r\n");
        Assert.IsTrue(lines[0].StartsWith("programme,period,activity,companies,", StringComparison.Ordinal), lines[0]);
        Assert.IsTrue(lines.Contains("eksport-2017,2026-H2,individual-growth,0,18.3,23.3,0,0,2,66667,0,0,0,0,0,0,0,0,0,17900000,100000,17800000"),
            string.Join("\n", lines));
    }

    [TestMethod]
    public async Task ARejection_AndAnOverrideToReject_HaveNoTranches()
    {
        await using var service = await ServiceUnderTest.StartAsync();
        var id = Applications.NewId("REJ");
        await Expect(HttpStatusCode.Created, service.SubmitAsync(ThreeMilestones(id)));
        await Expect(HttpStatusCode.Created, service.DecideAsync(id, new { outcome = "reject", decidedBy = "Anna", justification = "Not decisive after all" }));
        var refused = await Expect(HttpStatusCode.Conflict, Reach(service, id, 1, "2026-03-01"));
        Assert.AreEqual("No tranches", (string?)refused["title"]);
        await Expect(HttpStatusCode.Conflict, Release(service, id, 1));
        await Expect(HttpStatusCode.Conflict, service.GetAsync($"/api/applications/{id}/tranches", Committee));
        await Expect(HttpStatusCode.Conflict, service.PostAsync($"/api/applications/{id}/follow-up", Consultant, FollowUpBody("2027-01-10")));
        var undecided = Applications.NewId("UND");
        await Expect(HttpStatusCode.Created, service.SubmitAsync(ThreeMilestones(undecided)));
        await Expect(HttpStatusCode.Conflict, Reach(service, undecided, 1, "2026-03-01"));
        await Expect(HttpStatusCode.NotFound, Reach(service, "NO-SUCH-CASE", 1, "2026-03-01"));
        var report = await Expect(HttpStatusCode.OK, service.GetAsync("/api/reports/programme?from=2026-01-01&to=2026-06-30", ServiceUnderTest.PolicyKey));
        var growth = report["activities"]!.AsArray().Single(a => (string?)a!["activity"] == "individual-growth")!;
        Assert.AreEqual(1, (long)growth["total"]!["rejections"]!);
        Assert.AreEqual(0, (long)growth["total"]!["companies"]!);
        Assert.AreEqual(0m, (decimal)growth["budgetUsedDkk"]!);
    }

    [TestMethod]
    public async Task BadBodiesAndQueries_NameEveryBadField()
    {
        await using var service = await ServiceUnderTest.StartAsync();
        var id = Applications.NewId("BAD");
        await SubmitAndConfirm(service, ThreeMilestones(id), 100_000);
        var milestone = await Expect(HttpStatusCode.BadRequest,
            service.PostAsync($"/api/applications/{id}/milestones/x", Consultant, new JsonObject { ["reachedOn"] = "30-06-2026", ["note"] = 5 }));
        CollectionAssert.AreEquivalent(new[] { "$.milestone", "$.reachedOn", "$.note" }, Paths(milestone));
        var followUp = await Expect(HttpStatusCode.BadRequest, service.PostAsync($"/api/applications/{id}/follow-up", Consultant,
            new JsonObject { ["followUpOn"] = "2027-01-10", ["headCount"] = -1, ["revenueDkk"] = "many", ["exportRevenueDkk"] = 1.5 }));
        CollectionAssert.AreEquivalent(new[] { "$.headCount", "$.revenueDkk", "$.exportRevenueDkk", "$.exportRevenueBeforeDkk" }, Paths(followUp));
        var report = await Expect(HttpStatusCode.BadRequest, service.GetAsync("/api/reports/programme?from=2026-13-01&to=x&programme=nope", ServiceUnderTest.PolicyKey));
        CollectionAssert.AreEquivalent(new[] { "$.from", "$.to", "$.programme" }, Paths(report));
        await Expect(HttpStatusCode.Forbidden, service.GetAsync("/api/reports/programme", Committee));
    }

    /// <summary>Submits and confirms the recommendation, checking it grants the amount expected.</summary>
    internal static async Task SubmitAndConfirm(ServiceUnderTest service, JsonObject application, decimal grantDkk)
    {
        var decision = await Expect(HttpStatusCode.Created, service.SubmitAsync(application));
        Assert.AreEqual(grantDkk, (decimal?)decision["coFinancing"]?["grantDkk"], decision.ToJsonString());
        await Expect(HttpStatusCode.Created, service.DecideAsync((string)application["applicationId"]!,
            new { outcome = (string)decision["outcome"]!, grantDkk, decidedBy = "Anna" }));
    }

    internal static JsonObject FollowUpBody(string on) => new()
    {
        ["followUpOn"] = on,
        ["headCount"] = 30,
        ["revenueDkk"] = 30_000_000,
        ["exportRevenueDkk"] = 6_000_000,
        ["exportRevenueBeforeDkk"] = 5_000_000,
        ["note"] = "Two new markets",
    };

    private static Task<HttpResponseMessage> Reach(ServiceUnderTest service, string id, int n, string on) =>
        service.PostAsync($"/api/applications/{id}/milestones/{n}", Consultant, new JsonObject { ["reachedOn"] = on, ["note"] = "Seen by the consultant" });

    private static Task<HttpResponseMessage> Release(ServiceUnderTest service, string id, int n) =>
        service.PostAsync($"/api/applications/{id}/milestones/{n}/release", Committee, new JsonObject());

    private static string[] Paths(JsonObject problem) => problem["errors"]!.AsArray().Select(e => (string)e!["path"]!).Distinct().ToArray();

    private static async Task<JsonObject> Expect(HttpStatusCode status, Task<HttpResponseMessage> call)
    {
        using var response = await call;
        var text = await response.Content.ReadAsStringAsync();
        Assert.AreEqual(status, response.StatusCode, text);
        return text.Length == 0 ? new JsonObject() : JsonNode.Parse(text) is JsonObject o ? o : new JsonObject { ["items"] = JsonNode.Parse(text) };
    }
}
