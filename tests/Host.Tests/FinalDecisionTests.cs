using System.Net;

namespace Decisioning.Host.Tests;

/// <summary>Recording the committee's final decision: statuses, justification, limits, and the ledger feeding later decisions.</summary>
[TestClass]
public sealed class FinalDecisionTests
{
    private static ServiceUnderTest s_service = null!;

    [ClassInitialize]
    public static async Task StartAsync(TestContext _) => s_service = await ServiceUnderTest.StartAsync();

    [ClassCleanup]
    public static async Task StopAsync() => await s_service.DisposeAsync();

    [TestMethod]
    public async Task Confirm_TheRecommendation_201EntersTheLedger_ThenTheSameAgain200_AnotherDecision409()
    {
        var cvr = NewCvr();
        var id = await Submitted(cvr);
        using var confirmed = await s_service.DecideAsync(id, new { outcome = "approve", grantDkk = 120000, decidedBy = "Anna Holm" });
        Assert.AreEqual(HttpStatusCode.Created, confirmed.StatusCode, await confirmed.Content.ReadAsStringAsync());
        var record = await ServiceUnderTest.JsonAsync(confirmed);
        Assert.IsFalse((bool)record["departsFromRecommendation"]!);
        Assert.AreEqual("B", (string?)record["ledger"]!["level"]);
        Assert.AreEqual("established", (string?)record["ledger"]!["ageBand"]);
        Assert.AreEqual(120000m, s_service.Store.Ledger.GrantsFor(cvr).Sum(g => g.GrantDkk));

        using var again = await s_service.DecideAsync(id, new { outcome = "approve", grantDkk = 120000, decidedBy = "Anna Holm" });
        Assert.AreEqual(HttpStatusCode.OK, again.StatusCode);
        using var other = await s_service.DecideAsync(id, new { outcome = "reject", decidedBy = "Bo Berg", justification = "changed our mind" });
        Assert.AreEqual(HttpStatusCode.Conflict, other.StatusCode);
        Assert.AreEqual(120000m, s_service.Store.Ledger.GrantsFor(cvr).Sum(g => g.GrantDkk));

        using var read = await s_service.GetAsync($"/api/applications/{id}/decision", ServiceUnderTest.CommitteeKey);
        var decisions = await ServiceUnderTest.JsonAsync(read);
        Assert.AreEqual("Anna Holm", (string?)decisions["final"]!["decidedBy"]);
    }

    [TestMethod]
    public async Task Departure_WithoutJustification_400NamingIt_WithJustification_201()
    {
        var id = await Submitted(NewCvr());
        using var bare = await s_service.DecideAsync(id, new { outcome = "approve-reduced", grantDkk = 100000, decidedBy = "Anna Holm" });
        await ApplicationsApiTests.AssertBadFields(bare, "$.justification");
        Assert.IsNull(s_service.Store.FindFinalDecision(id));
        using var justified = await s_service.DecideAsync(id, new
        {
            outcome = "approve-reduced", grantDkk = 100000, decidedBy = "Anna Holm", justification = "The market analysis is done in-house.",
        });
        Assert.AreEqual(HttpStatusCode.Created, justified.StatusCode);
        Assert.IsTrue((bool)(await ServiceUnderTest.JsonAsync(justified))["departsFromRecommendation"]!);
    }

    [TestMethod]
    public async Task Reject_IsRecordedAndEntersNoLedger()
    {
        var cvr = NewCvr();
        var id = await Submitted(cvr);
        using var rejected = await s_service.DecideAsync(id, new { outcome = "reject", decidedBy = "Bo Berg", justification = "No export plan." });
        Assert.AreEqual(HttpStatusCode.Created, rejected.StatusCode);
        Assert.IsNull((await ServiceUnderTest.JsonAsync(rejected))["ledger"]);
        Assert.AreEqual(0, s_service.Store.Ledger.GrantsFor(cvr).Count);
    }

    [TestMethod]
    public async Task BadBody_400NamingEveryBadField()
    {
        var id = await Submitted(NewCvr());
        using var response = await s_service.DecideAsync(id, new { outcome = "maybe", grantDkk = -3, decidedBy = "" });
        await ApplicationsApiTests.AssertBadFields(response, "$.outcome", "$.grantDkk", "$.decidedBy");
        using var missingGrant = await s_service.DecideAsync(id, new { outcome = "approve", decidedBy = "Anna" });
        await ApplicationsApiTests.AssertBadFields(missingGrant, "$.grantDkk");
        using var notJson = await s_service.PostAsync($"/api/applications/{id}/final-decision", ServiceUnderTest.CommitteeKey, ServiceUnderTest.Utf8("{oops"));
        await ApplicationsApiTests.AssertBadFields(notJson, "$");
    }

    [TestMethod]
    public async Task UnknownApplication_404()
    {
        using var response = await s_service.DecideAsync("NO-SUCH-CASE", new { outcome = "approve", grantDkk = 1, decidedBy = "Anna" });
        Assert.AreEqual(HttpStatusCode.NotFound, response.StatusCode);
    }

    [TestMethod]
    public async Task Ledger_ChangesTheNextDecisionsCapsAndTheEligibilityCheck()
    {
        var cvr = NewCvr();
        var first = await Submitted(cvr);
        using var confirmed = await s_service.DecideAsync(first, new { outcome = "approve", grantDkk = 120000, decidedBy = "Anna" });
        Assert.AreEqual(HttpStatusCode.Created, confirmed.StatusCode);

        using var next = await s_service.SubmitAsync(Applications.Create(Applications.NewId(), a => a["company"]!["cvr"] = cvr));
        var coFinancing = (await ServiceUnderTest.JsonAsync(next))["coFinancing"]!;
        // Level B established cap 435 000 less the 120 000 just granted; lifetime 1 200 000 less the prior 30 000 and the 120 000.
        Assert.AreEqual(315000m, (decimal?)coFinancing["levelCapRemainingDkk"]);
        Assert.AreEqual(1050000m, (decimal?)coFinancing["lifetimeCapRemainingDkk"]);

        var check = Applications.Create(Applications.NewId(), a => a["company"]!["cvr"] = cvr);
        using var offered = await s_service.PostAsync("/api/eligibility-checks", ServiceUnderTest.ConsultantKey, check);
        var offers = (await ServiceUnderTest.JsonAsync(offered))["offers"]!.AsArray();
        Assert.AreEqual(315000m, (decimal?)offers.Single(o => (string?)o!["activity"] == "individual-growth")!["maxGrantDkk"]);
    }

    [TestMethod]
    public async Task Grant_AboveWhatTheLevelCapAllows_409NamingTheLimitAndNothingRecorded()
    {
        var cvr = NewCvr();
        var id = await Submitted(cvr, a => a["project"]!["totalCostDkk"] = 1000000);
        using var response = await s_service.DecideAsync(id, new { outcome = "approve", grantDkk = 500000, decidedBy = "Anna", justification = "Exceptional case." });
        Assert.AreEqual(HttpStatusCode.Conflict, response.StatusCode);
        var problem = await ServiceUnderTest.JsonAsync(response);
        Assert.AreEqual("level-cap", (string?)problem["limit"]);
        Assert.AreEqual("P4.4", (string?)problem["clause"]);
        Assert.AreEqual(435000m, (decimal?)problem["remainingDkk"]);
        Assert.IsNull(s_service.Store.FindFinalDecision(id));
        Assert.AreEqual(0, s_service.Store.Ledger.GrantsFor(cvr).Count);
    }

    [TestMethod]
    public async Task SecondStartPackage_409NamingP46()
    {
        var cvr = NewCvr();
        var first = await Submitted(cvr, a => a["project"]!["startPackage"] = true);
        var second = await Submitted(cvr, a => a["project"]!["startPackage"] = true);
        using var one = await s_service.DecideAsync(first, new { outcome = "approve", grantDkk = 120000, decidedBy = "Anna" });
        Assert.AreEqual(HttpStatusCode.Created, one.StatusCode);
        using var two = await s_service.DecideAsync(second, new { outcome = "approve", grantDkk = 120000, decidedBy = "Anna" });
        Assert.AreEqual(HttpStatusCode.Conflict, two.StatusCode);
        Assert.AreEqual("P4.6", (string?)(await ServiceUnderTest.JsonAsync(two))["clause"]);
    }

    internal static string NewCvr() => Random.Shared.Next(10_000_000, 99_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<string> Submitted(string cvr, Action<System.Text.Json.Nodes.JsonObject>? change = null)
    {
        var id = Applications.NewId();
        using var response = await s_service.SubmitAsync(Applications.Create(id, a =>
        {
            a["company"]!["cvr"] = cvr;
            change?.Invoke(a);
        }));
        Assert.AreEqual(HttpStatusCode.Created, response.StatusCode, await response.Content.ReadAsStringAsync());
        return id;
    }
}
