using System.Net;
using System.Text.Json.Nodes;

namespace Decisioning.Host.Tests.Hostile;

/// <summary>
/// Cross-site request forgery against the web pages over HTTP. Another port on the same host is the same site for
/// SameSite cookies, so a form posted from there carries the session cookie: it must be refused by its Origin /
/// Sec-Fetch-Site, and a post without the form's antiforgery token must be refused too. Nothing refused is recorded.
/// </summary>
[TestClass]
public sealed class PageForgeryTests
{
    private static ServiceUnderTest s_service = null!;

    [ClassInitialize]
    public static async Task StartAsync(TestContext _) => s_service = await ServiceUnderTest.StartAsync();

    [ClassCleanup]
    public static async Task StopAsync() => await s_service.DisposeAsync();

    [TestMethod]
    [DataRow("http://127.0.0.1:1", "cross-site", DisplayName = "another port on the same host")]
    [DataRow("http://localhost", "same-site", DisplayName = "same site, other origin")]
    [DataRow("https://evil.example", "cross-site", DisplayName = "another site")]
    [DataRow("null", "cross-site", DisplayName = "an opaque origin (sandboxed frame, data: URL)")]
    [DataRow(null, "same-site", DisplayName = "no Origin, Sec-Fetch-Site same-site")]
    [DataRow(null, "cross-site", DisplayName = "no Origin, Sec-Fetch-Site cross-site")]
    [DataRow("OWN-PORT+1", null, DisplayName = "the next port, no Sec-Fetch-Site")]
    public async Task FinalDecisionForm_PostedFromAnotherOrigin_IsRefusedAndNothingIsRecorded(string? origin, string? fetchSite)
    {
        var id = await SubmitAsync();
        using var committee = new PageClient(s_service.Address);
        await committee.SignInAsync(ServiceUnderTest.CommitteeKey);
        await committee.GetAsync($"/committee/cases/{id}");
        if (origin == "OWN-PORT+1")
        {
            origin = $"http://127.0.0.1:{s_service.Address.Port + 1}";
        }

        var (response, html) = await committee.PostFormAsync($"/committee/cases/{id}/confirm", Confirm(), origin: origin, fetchSite: fetchSite);

        Assert.AreEqual(HttpStatusCode.Forbidden, response.StatusCode, html);
        await AssertNoFinalDecisionAsync(id);
    }

    [TestMethod]
    public async Task FinalDecisionForm_WithoutAntiforgeryToken_IsRefusedAndNothingIsRecorded()
    {
        var id = await SubmitAsync();
        using var committee = new PageClient(s_service.Address);
        await committee.SignInAsync(ServiceUnderTest.CommitteeKey);
        await committee.GetAsync($"/committee/cases/{id}");

        var (response, html) = await committee.PostFormAsync($"/committee/cases/{id}/confirm", Confirm(), withToken: false);

        Assert.AreEqual(HttpStatusCode.BadRequest, response.StatusCode, html);
        await AssertNoFinalDecisionAsync(id);
    }

    [TestMethod]
    public async Task FinalDecisionForm_WithAnotherBrowsersToken_IsRefused()
    {
        var id = await SubmitAsync();
        using var attacker = new PageClient(s_service.Address);
        await attacker.GetAsync("/login");
        Assert.IsNotNull(attacker.Token, "the sign-in form carries an antiforgery token");
        using var committee = new PageClient(s_service.Address);
        await committee.SignInAsync(ServiceUnderTest.CommitteeKey);

        var (response, html) = await committee.PostFormAsync($"/committee/cases/{id}/confirm", [.. Confirm(), new(PageClient.TokenField, attacker.Token!)], withToken: false);

        Assert.AreEqual(HttpStatusCode.BadRequest, response.StatusCode, html);
        await AssertNoFinalDecisionAsync(id);
    }

    [TestMethod]
    public async Task FinalDecisionForm_FromTheOwnPage_IsRecorded()
    {
        var id = await SubmitAsync();
        using var committee = new PageClient(s_service.Address);
        await committee.SignInAsync(ServiceUnderTest.CommitteeKey);
        await committee.GetAsync($"/committee/cases/{id}");

        var (response, html) = await committee.PostFormAsync($"/committee/cases/{id}/confirm", Confirm());

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode, html);
        using var decision = await s_service.GetAsync($"/api/applications/{id}/decision", ServiceUnderTest.CommitteeKey);
        Assert.AreEqual("approve", (string?)(await ServiceUnderTest.JsonAsync(decision))["final"]?["outcome"]);
    }

    [TestMethod]
    [DataRow("/login", DisplayName = "sign-in")]
    [DataRow("/logout", DisplayName = "sign-out")]
    [DataRow("/policy/validate", DisplayName = "rule-change trial")]
    [DataRow("/consultant", DisplayName = "consultant's check and submit")]
    public async Task EveryForm_WithoutToken_IsRefused(string path)
    {
        using var client = new PageClient(s_service.Address);
        await client.SignInAsync(path.StartsWith("/policy", StringComparison.Ordinal) ? ServiceUnderTest.PolicyKey : ServiceUnderTest.ConsultantKey);
        var before = client.AllCookies.Select(c => c.Name + "=" + c.Value).Order(StringComparer.Ordinal).ToList();

        var (response, html) = await client.PostFormAsync(path, [new("apiKey", ServiceUnderTest.CommitteeKey), new("returnUrl", "/")], withToken: false);

        Assert.AreEqual(HttpStatusCode.BadRequest, response.StatusCode, html);
        CollectionAssert.AreEqual(before, client.AllCookies.Select(c => c.Name + "=" + c.Value).Order(StringComparer.Ordinal).ToList(), "a refused form must not sign in or out");
    }

    [TestMethod]
    public async Task EveryPostForm_OnEveryPage_CarriesAToken()
    {
        var pages = new[] { ("/", ServiceUnderTest.ConsultantKey), ("/consultant", ServiceUnderTest.ConsultantKey), ("/committee", ServiceUnderTest.CommitteeKey), ("/policy", ServiceUnderTest.PolicyKey) };
        var id = await SubmitAsync();
        foreach (var (path, key) in pages.Append(($"/committee/cases/{id}", ServiceUnderTest.CommitteeKey)))
        {
            using var client = new PageClient(s_service.Address);
            await client.SignInAsync(key);
            var (_, html) = await client.GetAsync(path);
            var forms = html.Split("<form", StringSplitOptions.None).Skip(1).ToList();
            Assert.IsNotEmpty(forms, path);
            foreach (var form in forms.Where(f => f.StartsWith(" method=\"post\"", StringComparison.Ordinal)))
            {
                StringAssert.Contains(form[..form.IndexOf("</form>", StringComparison.Ordinal)], $"name=\"{PageClient.TokenField}\"", $"{path}: a post form without a token");
            }
        }
    }

    private static KeyValuePair<string, string>[] Confirm() =>
        [new("decidedBy", "A. Holm")];

    private static async Task<string> SubmitAsync()
    {
        var id = Applications.NewId("CSRF");
        // A company of its own per case, so one test's grant does not use up another's caps.
        var cvr = Random.Shared.Next(10_000_000, 99_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var response = await s_service.SubmitAsync(Applications.Create(id, a => a["company"]!["cvr"] = cvr));
        Assert.AreEqual(HttpStatusCode.Created, response.StatusCode);
        return id;
    }

    private static async Task AssertNoFinalDecisionAsync(string id)
    {
        using var decision = await s_service.GetAsync($"/api/applications/{id}/decision", ServiceUnderTest.CommitteeKey);
        var body = await ServiceUnderTest.JsonAsync(decision);
        Assert.IsTrue(body["final"] is null || body["final"]!.GetValueKind() == System.Text.Json.JsonValueKind.Null, $"a refused form recorded {body["final"]?.ToJsonString()}");
    }
}
