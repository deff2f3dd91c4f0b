using System.Net;

namespace Decisioning.Host.Tests.Hostile;

/// <summary>
/// The sign-in form's <c>returnUrl</c> over HTTP: only a local path is returned to. Anything a browser could turn into
/// another host (scheme-relative, backslashes, control characters or whitespace it strips, absolute URLs) becomes "/",
/// both in the form the GET shows and in the redirect the POST answers.
/// </summary>
[TestClass]
public sealed class ReturnUrlTests
{
    private static ServiceUnderTest s_service = null!;

    [ClassInitialize]
    public static async Task StartAsync(TestContext _) => s_service = await ServiceUnderTest.StartAsync();

    [ClassCleanup]
    public static async Task StopAsync() => await s_service.DisposeAsync();

    public static IEnumerable<object[]> Attacks =>
    [
        ["//evil.example/"], ["///evil.example"], ["/\\evil.example"], ["\\\\evil.example"], ["/\t/evil.example"], ["/\n/evil.example"],
        ["/\r/evil.example"], ["/\u0000/evil.example"], [" //evil.example"], ["/ /evil.example"], ["/\u00a0/evil.example"], ["/\u3000/evil.example"],
        ["http://evil.example/"], ["https:evil.example"], ["javascript:alert(1)"], ["data:text/html,<script>alert(1)</script>"],
        ["evil.example"], ["/\u2028/evil.example"], ["/\u007f/evil.example"], [new string('/', 1) + new string('a', 5000)],
    ];

    [TestMethod]
    [DynamicData(nameof(Attacks))]
    public async Task SignIn_WithAHostileReturnUrl_ReturnsToTheFrontPage(string returnUrl)
    {
        using var client = new PageClient(s_service.Address);
        var (form, html) = await client.GetAsync("/login?returnUrl=" + Uri.EscapeDataString(returnUrl));
        Assert.AreEqual(HttpStatusCode.OK, form.StatusCode);
        StringAssert.Contains(html, "name=\"returnUrl\" value=\"/\"", "the sign-in form keeps the hostile returnUrl");

        var (signIn, body) = await client.PostFormAsync("/login", [new("apiKey", ServiceUnderTest.CommitteeKey), new("returnUrl", returnUrl)]);

        // A form value the form reader cannot take (a NUL) is refused as a whole (400): no sign-in, no redirect.
        if (signIn.StatusCode == HttpStatusCode.BadRequest)
        {
            Assert.DoesNotContain("decisioning-session", string.Join(";", client.AllCookies.Select(c => c.Name)), body);
            return;
        }
        Assert.AreEqual(HttpStatusCode.Redirect, signIn.StatusCode, body);
        Assert.AreEqual("/", signIn.Headers.Location?.OriginalString);
    }

    [TestMethod]
    [DataRow("/committee?lang=en&sort=amount")]
    [DataRow("/committee/cases/EXP-2026-0042?lang=da")]
    [DataRow("/")]
    public async Task SignIn_WithALocalPath_ReturnsThere(string returnUrl)
    {
        using var client = new PageClient(s_service.Address);
        await client.GetAsync("/login?returnUrl=" + Uri.EscapeDataString(returnUrl));
        var (signIn, body) = await client.PostFormAsync("/login", [new("apiKey", ServiceUnderTest.CommitteeKey), new("returnUrl", returnUrl)]);
        Assert.AreEqual(HttpStatusCode.Redirect, signIn.StatusCode, body);
        Assert.AreEqual(returnUrl, signIn.Headers.Location?.OriginalString);
    }
}
