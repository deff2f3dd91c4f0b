using System.Net;

namespace Decisioning.Host.Tests;

/// <summary>
/// P8.2 (v2): the growth panel records the final decisions on <c>refer-to-growth-panel</c> cases with its own role and
/// signs their letters; the committee records all others; each is refused with 403 on the other's cases.
/// </summary>
[TestClass]
public sealed partial class GrowthPanelTests
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
        using var panel = await PageSession.SignInAsync(ServiceUnderTest.PanelKey);
        using var committee = await PageSession.SignInAsync(ServiceUnderTest.CommitteeKey);
        var panelQueue = await panel.GetAsync("/committee?lang=en");
        Assert.AreEqual(HttpStatusCode.OK, panelQueue.Status, panelQueue.Html);
        StringAssert.Contains(panelQueue.Html, panelCase);
        Assert.IsFalse(panelQueue.Html.Contains(committeeCase, StringComparison.Ordinal), "the panel's queue lists a committee case");
        var committeeQueue = await committee.GetAsync("/committee?lang=en");
        StringAssert.Contains(committeeQueue.Html, committeeCase);
        Assert.IsFalse(committeeQueue.Html.Contains(panelCase, StringComparison.Ordinal), "the committee's queue lists a growth-panel case");

        var refused = await committee.PostFormAsync($"/committee/cases/{panelCase}/confirm?lang=en", new() { ["decidedBy"] = "Anna" }, $"/committee/cases/{panelCase}?lang=en");
        Assert.AreEqual(HttpStatusCode.Forbidden, refused.Status, refused.Html);
        StringAssert.Contains(refused.Html, "Another body decides this case");
        Assert.IsNull(s_service.Store.FindFinalDecision(panelCase));

        var recorded = await panel.PostFormAsync($"/committee/cases/{panelCase}/confirm?lang=en", new() { ["decidedBy"] = "Panel chair" }, $"/committee/cases/{panelCase}?lang=en");
        Assert.AreEqual(HttpStatusCode.OK, recorded.Status, recorded.Html);
        StringAssert.Contains(recorded.Html, "The final letter, as it was sent when the decision was made.");
        var letter = await panel.GetAsync($"/committee/cases/{panelCase}/letter?lang=da");
        StringAssert.Contains(letter.Html, "Vækstpanelet, Væksthus Midtjylland");
    }

    /// <summary>A browser-like session on the pages: signs in with a key, keeps the session cookie, posts forms with their antiforgery token.</summary>
    private sealed partial class PageSession : IDisposable
    {
        private readonly HttpClient _http;

        private PageSession(HttpClient http) => _http = http;

        public static async Task<PageSession> SignInAsync(string key)
        {
            var http = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = true }) { BaseAddress = s_service.Address };
            var session = new PageSession(http);
            var signedIn = await session.PostFormAsync("/login?lang=en", new() { ["apiKey"] = key, ["returnUrl"] = "/" }, "/login?lang=en");
            Assert.AreEqual(HttpStatusCode.OK, signedIn.Status, signedIn.Html);
            return session;
        }

        public async Task<(HttpStatusCode Status, string Html)> GetAsync(string path)
        {
            using var response = await _http.GetAsync(path);
            return (response.StatusCode, await response.Content.ReadAsStringAsync());
        }

        /// <summary>Posts a form to <paramref name="path"/> with the antiforgery token of the page the form is on (<paramref name="formPage"/>, else the same path).</summary>
        public async Task<(HttpStatusCode Status, string Html)> PostFormAsync(string path, Dictionary<string, string> fields, string? formPage = null)
        {
            var page = await GetAsync(formPage ?? path);
            if (Token().Match(page.Html) is { Success: true } token)
            {
                fields["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value);
            }
            using var response = await _http.PostAsync(path, new FormUrlEncodedContent(fields));
            return (response.StatusCode, await response.Content.ReadAsStringAsync());
        }

        public void Dispose() => _http.Dispose();

        [System.Text.RegularExpressions.GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
        private static partial System.Text.RegularExpressions.Regex Token();
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
