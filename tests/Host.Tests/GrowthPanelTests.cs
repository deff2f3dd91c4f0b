using System.Net;

namespace Decisioning.Host.Tests;

/// <summary>
/// P8.2 (v2): the growth panel records the final decisions on <c>refer-to-growth-panel</c> cases with its own role and
/// signs their letters; the committee records all others; each is refused with 403 on the other's cases.
/// </summary>
[TestClass]
public sealed class GrowthPanelTests
{
    private static ServiceUnderTest s_service = null!;

    [ClassInitialize]
    public static async Task StartAsync(TestContext _) => s_service = await ServiceUnderTest.StartAsync();

    [ClassCleanup]
    public static async Task StopAsync() => await s_service.DisposeAsync();

    [TestMethod]
    public async Task Panel_RecordsItsCase_AndTheLetterIsSignedByTheGrowthPanel()
    {
        var id = await SubmittedLevelA();
        using var final = await s_service.DecideAsync(id, new { outcome = "approve", grantDkk = 120000, decidedBy = "Panel chair" }, ServiceUnderTest.PanelKey);
        Assert.AreEqual(HttpStatusCode.Created, final.StatusCode, await final.Content.ReadAsStringAsync());
        using var letter = await s_service.GetAsync($"/api/applications/{id}/letter", ServiceUnderTest.PanelKey);
        var html = await letter.Content.ReadAsStringAsync();
        Assert.AreEqual(HttpStatusCode.OK, letter.StatusCode, html);
        StringAssert.Contains(html, "Vækstpanelet giver Nordlys Maskiner ApS tilsagn om <strong>120.000 kr.</strong>");
        StringAssert.Contains(html, "Med venlig hilsen<br>\nVækstpanelet, Væksthus Midtjylland");
        Assert.IsFalse(html.Contains("afgøres af vækstpanelet", StringComparison.Ordinal), "the final letter still reads as a referral");
    }

    [TestMethod]
    public async Task Committee_OnAGrowthPanelCase_403_AndNothingIsRecorded()
    {
        var id = await SubmittedLevelA();
        using var response = await s_service.DecideAsync(id, new { outcome = "approve", grantDkk = 120000, decidedBy = "Anna" });
        Assert.AreEqual(HttpStatusCode.Forbidden, response.StatusCode);
        StringAssert.Contains(await response.Content.ReadAsStringAsync(), "\"decidingRole\":\"panel\"");
        Assert.IsNull(s_service.Store.FindFinalDecision(id));
    }

    [TestMethod]
    public async Task Panel_OnACommitteeCase_403_AndNothingIsRecorded()
    {
        var id = Applications.NewId("CP");
        using var submitted = await s_service.SubmitAsync(Applications.Create(id, a => a["company"]!["cvr"] = FinalDecisionTests.NewCvr()));
        Assert.AreEqual(HttpStatusCode.Created, submitted.StatusCode);
        using var response = await s_service.DecideAsync(id, new { outcome = "approve", grantDkk = 120000, decidedBy = "Panel chair" }, ServiceUnderTest.PanelKey);
        Assert.AreEqual(HttpStatusCode.Forbidden, response.StatusCode);
        StringAssert.Contains(await response.Content.ReadAsStringAsync(), "\"decidingRole\":\"committee\"");
        Assert.IsNull(s_service.Store.FindFinalDecision(id));
    }

    [TestMethod]
    public async Task Consultant_CannotRecordAFinalDecision()
    {
        var id = await SubmittedLevelA();
        using var response = await s_service.PostAsync($"/api/applications/{id}/final-decision", ServiceUnderTest.ConsultantKey,
            System.Text.Json.Nodes.JsonNode.Parse("{\"outcome\":\"approve\",\"grantDkk\":1,\"decidedBy\":\"x\"}")!);
        Assert.AreEqual(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private static async Task<string> SubmittedLevelA()
    {
        var id = Applications.NewId("GP");
        using var response = await s_service.SubmitAsync(Applications.LevelA(id, FinalDecisionTests.NewCvr()));
        var decision = await ServiceUnderTest.JsonAsync(response);
        Assert.AreEqual(HttpStatusCode.Created, response.StatusCode);
        Assert.AreEqual("refer-to-growth-panel", (string?)decision["outcome"], decision.ToJsonString());
        return id;
    }
}
