using System.Net;

namespace Decisioning.Host.Tests.Hostile;

/// <summary>
/// Security headers over HTTP: every page and every letter carries a Content-Security-Policy, nosniff and a framing
/// rule; a letter (from the API or the committee's page) is sandboxed and may only be framed by the service itself,
/// and the committee's page frames it in a sandboxed iframe. Text a caller typed is encoded, single quotes included.
/// </summary>
[TestClass]
public sealed class PageHeaderTests
{
    private const string Id = "HEADERS-1";
    private static ServiceUnderTest s_service = null!;

    [ClassInitialize]
    public static async Task StartAsync(TestContext _)
    {
        s_service = await ServiceUnderTest.StartAsync();
        var application = Applications.Create(Id, a => a["company"]!["name"] = "O'Brien \"<b>Bold</b>\" & Søn ApS");
        using var response = await s_service.SubmitAsync(application);
        Assert.AreEqual(HttpStatusCode.Created, response.StatusCode);
    }

    [ClassCleanup]
    public static async Task StopAsync() => await s_service.DisposeAsync();

    [TestMethod]
    [DataRow("/api/applications/HEADERS-1/letter?lang=en", true, DisplayName = "API letter")]
    [DataRow("/committee/cases/HEADERS-1/letter?lang=en", false, DisplayName = "committee page letter")]
    public async Task Letter_CarriesASandboxingContentSecurityPolicy(string path, bool withKey)
    {
        using var client = new PageClient(s_service.Address);
        HttpResponseMessage response;
        if (withKey)
        {
            response = await s_service.GetAsync(path, ServiceUnderTest.CommitteeKey);
        }
        else
        {
            await client.SignInAsync(ServiceUnderTest.CommitteeKey);
            response = (await client.GetAsync(path)).Response;
        }
        using (response)
        {
            Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
            Assert.AreEqual("text/html", response.Content.Headers.ContentType?.MediaType);
            var csp = Header(response, "Content-Security-Policy");
            StringAssert.Contains(csp, "default-src 'none'");
            StringAssert.Contains(csp, "sandbox");
            StringAssert.Contains(csp, "frame-ancestors 'self'");
            Assert.DoesNotContain("script-src", csp, "a letter runs no script");
            Assert.AreEqual("nosniff", Header(response, "X-Content-Type-Options"));
        }
    }

    [TestMethod]
    public async Task CasePage_FramesTheLetterSandboxed()
    {
        using var client = new PageClient(s_service.Address);
        await client.SignInAsync(ServiceUnderTest.CommitteeKey);
        var (_, html) = await client.GetAsync($"/committee/cases/{Id}");
        var iframe = html[html.IndexOf("<iframe", StringComparison.Ordinal)..];
        iframe = iframe[..iframe.IndexOf('>')];
        StringAssert.Contains(iframe, "sandbox=\"\"", "the letter iframe is sandboxed with no permissions");
    }

    [TestMethod]
    [DataRow("/", null)]
    [DataRow("/login", null)]
    [DataRow("/consultant", ServiceUnderTest.ConsultantKey)]
    [DataRow("/committee", ServiceUnderTest.CommitteeKey)]
    [DataRow("/committee/cases/HEADERS-1", ServiceUnderTest.CommitteeKey)]
    [DataRow("/policy", ServiceUnderTest.PolicyKey)]
    [DataRow("/committee", ServiceUnderTest.PolicyKey)]
    public async Task EveryPage_CarriesSecurityHeaders(string path, string? key)
    {
        using var client = new PageClient(s_service.Address);
        if (key is not null)
        {
            await client.SignInAsync(key);
        }
        var (response, _) = await client.GetAsync(path);
        var csp = Header(response, "Content-Security-Policy");
        StringAssert.Contains(csp, "default-src 'none'");
        StringAssert.Contains(csp, "frame-ancestors 'none'");
        StringAssert.Contains(csp, "form-action 'self'");
        Assert.DoesNotContain("script-src", csp, "the pages run no script");
        Assert.AreEqual("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.AreEqual("DENY", Header(response, "X-Frame-Options"));
        Assert.AreEqual("same-origin", Header(response, "Referrer-Policy"));
    }

    [TestMethod]
    public async Task ApiAnswers_CarryNosniffAndNoFraming()
    {
        using var response = await s_service.GetAsync($"/api/applications/{Id}/decision", ServiceUnderTest.CommitteeKey);
        Assert.AreEqual("nosniff", Header(response, "X-Content-Type-Options"));
        StringAssert.Contains(Header(response, "Content-Security-Policy"), "frame-ancestors 'none'");
    }

    [TestMethod]
    public async Task CallerText_OnTheCasePage_IsEncodedIncludingSingleQuotes()
    {
        using var client = new PageClient(s_service.Address);
        await client.SignInAsync(ServiceUnderTest.CommitteeKey);
        var (_, html) = await client.GetAsync($"/committee/cases/{Id}");
        StringAssert.Contains(html, "O&#x27;Brien &quot;&lt;b&gt;Bold&lt;/b&gt;&quot; &amp; Søn ApS");
        Assert.DoesNotContain("O'Brien", html);
        Assert.DoesNotContain("<b>Bold", html);
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(", ", values) : "";
}
