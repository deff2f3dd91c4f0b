using System.Net;

namespace Decisioning.Host.Tests.Hostile;

/// <summary>
/// The pages' session cookie over HTTP: it holds a random session id, never the API key; the key itself in the
/// cookie signs nobody in; after sign-out the old cookie value is useless, even replayed by another client.
/// </summary>
[TestClass]
public sealed class PageSessionTests
{
    private static ServiceUnderTest s_service = null!;

    [ClassInitialize]
    public static async Task StartAsync(TestContext _) => s_service = await ServiceUnderTest.StartAsync();

    [ClassCleanup]
    public static async Task StopAsync() => await s_service.DisposeAsync();

    [TestMethod]
    public async Task SessionCookie_DoesNotHoldTheKey()
    {
        using var client = new PageClient(s_service.Address);
        await client.SignInAsync(ServiceUnderTest.CommitteeKey);

        Assert.IsNotEmpty(client.AllCookies);
        foreach (var cookie in client.AllCookies)
        {
            Assert.DoesNotContain(ServiceUnderTest.CommitteeKey, Uri.UnescapeDataString(cookie.Value), $"cookie {cookie.Name} holds the key");
            Assert.IsTrue(cookie.HttpOnly, $"cookie {cookie.Name} is readable by script");
        }
        var (page, _) = await client.GetAsync("/committee");
        Assert.AreEqual(HttpStatusCode.OK, page.StatusCode, "signed in by the session cookie");
    }

    [TestMethod]
    public async Task TheKeyItself_InACookie_SignsNobodyIn()
    {
        foreach (var name in new[] { "decisioning-key", "decisioning-session" })
        {
            using var client = new PageClient(s_service.Address);
            client.Cookies.Add(s_service.Address, new Cookie(name, ServiceUnderTest.CommitteeKey));
            var (page, _) = await client.GetAsync("/committee");
            Assert.AreEqual(HttpStatusCode.Redirect, page.StatusCode, $"a cookie {name} holding the key signed in");
        }
    }

    [TestMethod]
    public async Task SessionCookie_AfterSignOut_IsUseless()
    {
        using var client = new PageClient(s_service.Address);
        await client.SignInAsync(ServiceUnderTest.CommitteeKey);
        var session = client.AllCookies.Select(c => new Cookie(c.Name, c.Value)).ToList();
        using (var copy = new PageClient(s_service.Address))
        {
            session.ForEach(c => copy.Cookies.Add(s_service.Address, c));
            Assert.AreEqual(HttpStatusCode.OK, (await copy.GetAsync("/committee")).Response.StatusCode, "the copied cookie works while signed in");
        }

        await client.GetAsync("/committee");
        var (signOut, html) = await client.PostFormAsync("/logout", []);
        Assert.AreEqual(HttpStatusCode.Redirect, signOut.StatusCode, html);

        using var replay = new PageClient(s_service.Address);
        session.ForEach(c => replay.Cookies.Add(s_service.Address, c));
        var (after, _) = await replay.GetAsync("/committee");
        Assert.AreEqual(HttpStatusCode.Redirect, after.StatusCode, "the cookie of a signed-out session still signs in");
        StringAssert.StartsWith(after.Headers.Location?.OriginalString, "/login");
    }

    [TestMethod]
    public async Task EachSignIn_GetsANewSessionId()
    {
        using var first = new PageClient(s_service.Address);
        await first.SignInAsync(ServiceUnderTest.CommitteeKey);
        using var second = new PageClient(s_service.Address);
        await second.SignInAsync(ServiceUnderTest.CommitteeKey);
        var a = first.AllCookies.Single(c => !c.Name.Contains("antiforgery", StringComparison.OrdinalIgnoreCase)).Value;
        var b = second.AllCookies.Single(c => !c.Name.Contains("antiforgery", StringComparison.OrdinalIgnoreCase)).Value;
        Assert.AreNotEqual(a, b);
        Assert.IsGreaterThanOrEqualTo(32, a.Length, "a session id long enough not to be guessed");
    }
}
