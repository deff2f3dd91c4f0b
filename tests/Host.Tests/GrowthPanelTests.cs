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

    [TestMethod]
    public async Task Pages_EachBodySeesItsOwnQueue_AndCannotDecideTheOthersCase()
    {
        var panelCase = await SubmittedLevelA();
        var committeeCase = Applications.NewId("CQ");
        using (var submitted = await s_service.SubmitAsync(Applications.Create(committeeCase, a => a["company"]!["cvr"] = FinalDecisionTests.NewCvr())))
        {
            Assert.AreEqual(HttpStatusCode.Created, submitted.StatusCode);
        }
        var panelQueue = await PageAsync(HttpMethod.Get, "/committee?lang=en", ServiceUnderTest.PanelKey);
        Assert.AreEqual(HttpStatusCode.OK, panelQueue.Status, panelQueue.Html);
        StringAssert.Contains(panelQueue.Html, panelCase);
        Assert.IsFalse(panelQueue.Html.Contains(committeeCase, StringComparison.Ordinal), "the panel's queue lists a committee case");
        var committeeQueue = await PageAsync(HttpMethod.Get, "/committee?lang=en", ServiceUnderTest.CommitteeKey);
        StringAssert.Contains(committeeQueue.Html, committeeCase);
        Assert.IsFalse(committeeQueue.Html.Contains(panelCase, StringComparison.Ordinal), "the committee's queue lists a growth-panel case");

        var refused = await PageAsync(HttpMethod.Post, $"/committee/cases/{panelCase}?lang=en", ServiceUnderTest.CommitteeKey,
            new FormUrlEncodedContent(new Dictionary<string, string> { ["choice"] = "confirm", ["decidedBy"] = "Anna" }));
        Assert.AreEqual(HttpStatusCode.Forbidden, refused.Status);
        StringAssert.Contains(refused.Html, "Another body decides this case");
        Assert.IsNull(s_service.Store.FindFinalDecision(panelCase));

        var recorded = await PageAsync(HttpMethod.Post, $"/committee/cases/{panelCase}?lang=en", ServiceUnderTest.PanelKey,
            new FormUrlEncodedContent(new Dictionary<string, string> { ["choice"] = "confirm", ["decidedBy"] = "Panel chair" }));
        Assert.AreEqual(HttpStatusCode.OK, recorded.Status, recorded.Html);
        StringAssert.Contains(recorded.Html, "The final letter, as it was sent when the decision was made.");
        var letter = await PageAsync(HttpMethod.Get, $"/committee/cases/{panelCase}/letter?lang=da", ServiceUnderTest.PanelKey);
        StringAssert.Contains(letter.Html, "Vækstpanelet, Væksthus Midtjylland");
    }

    private static async Task<(HttpStatusCode Status, string Html)> PageAsync(HttpMethod method, string path, string key, HttpContent? content = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        request.Headers.Add("Cookie", "decisioning-key=" + key);
        using var response = await s_service.Http.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
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
