using Decisioning.Browser.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Decisioning.Browser.Tests;

/// <summary>
/// The front page, signing in, a page of another role (403 in words) and a signed-out visit (sent to sign in), in
/// both languages at phone and desktop width, each checked by <see cref="PageChecks"/>.
/// </summary>
[TestClass]
public sealed class HomePageTests
{
    private static ServedProgram s_served = null!;

    public TestContext TestContext { get; set; } = null!;

    [ClassInitialize]
    public static async Task StartAsync(TestContext context) => s_served = await ServedProgram.StartAsync();

    [ClassCleanup]
    public static async Task StopAsync() => await s_served.DisposeAsync();

    [TestMethod]
    [DynamicData(nameof(Viewport.LanguagesAndViewports), typeof(Viewport))]
    public async Task Front_page_signs_in_switches_language_and_signs_out(string lang, string viewport)
    {
        await using var browser = await BrowserPage.OpenAsync(s_served, Viewport.Named(viewport));
        var page = browser.Page;
        var response = await page.GotoAsync($"/?lang={lang}");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", lang);
        await PageChecks.AssertAsync(page, TestContext, s_served, $"home-{lang}-{viewport}", await response!.TextAsync());

        // The language switch keeps the path and query words.
        await page.GotoAsync($"/login?lang={lang}&returnUrl=%2Fcommittee%3Fstatus%3Dall");
        await PageChecks.AssertAsync(page, TestContext, s_served, $"login-{lang}-{viewport}");
        var other = lang == "da" ? "en" : "da";
        await page.Locator("header a.lang").ClickAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", other);
        Assert.AreEqual($"/login?lang={other}&returnUrl=%2Fcommittee%3Fstatus%3Dall", new Uri(page.Url).PathAndQuery);

        await page.Locator("#apiKey").FillAsync(ServedProgram.CommitteeKey);
        await page.Locator("main form button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/committee");
        // Signed in: the role by its label, and the sign-out form.
        await page.GotoAsync($"/?lang={other}");
        await PageChecks.AssertAsync(page, TestContext, s_served, $"home-signed-in-{other}-{viewport}");
        await Expect(page.Locator("header form.signout")).ToContainTextAsync(other == "da" ? "Bevillingsudvalget" : "Grant committee");
        await page.Locator("header form.signout button").ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");
        await Expect(page.Locator("header form.signout")).ToHaveCountAsync(0);
        var again = await page.GotoAsync("/committee");
        Assert.AreEqual("/login", new Uri(page.Url).AbsolutePath, "signed out, the committee's page asks for a key again");
        Assert.AreEqual(200, again!.Status);
    }

    [TestMethod]
    [DynamicData(nameof(Viewport.LanguagesAndViewports), typeof(Viewport))]
    public async Task Another_roles_page_answers_403_in_words(string lang, string viewport)
    {
        await using var browser = await BrowserPage.OpenAsync(s_served, Viewport.Named(viewport));
        var page = browser.Page;
        await page.GotoAsync($"/login?lang={lang}&returnUrl=%2F");
        await page.Locator("#apiKey").FillAsync(ServedProgram.ConsultantKey);
        await page.Locator("main form button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");

        var response = await page.GotoAsync($"/committee?lang={lang}");
        Assert.AreEqual(403, response!.Status);
        var alert = page.GetByRole(AriaRole.Alert);
        await Expect(alert).ToContainTextAsync(lang == "da" ? "Din rolle (Konsulent) giver ikke adgang" : "Your role (Consultant) does not give access");
        await Expect(alert).ToContainTextAsync(lang == "da" ? "Bevillingsudvalget / Vækstpanelet" : "Grant committee / Growth panel");
        await PageChecks.AssertAsync(page, TestContext, s_served, $"forbidden-{lang}-{viewport}", await response.TextAsync());

        // Signing in again there with the committee's key replaces the consultant's session and returns to the page.
        await page.Locator("#apiKey").FillAsync(ServedProgram.CommitteeKey);
        await page.Locator("main form button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).PathAndQuery == $"/committee?lang={lang}");
        await Expect(page.Locator("h1")).ToHaveTextAsync(lang == "da" ? "Sager, der venter på afgørelse" : "Cases awaiting a decision");
        Assert.AreEqual(403, (await page.GotoAsync($"/consultant?lang={lang}"))!.Status, "the consultant's session ended at the new sign-in");
    }

    [TestMethod]
    public async Task Signed_out_visit_is_sent_to_sign_in_and_back()
    {
        await using var browser = await BrowserPage.OpenAsync(s_served);
        await browser.SignInAsync("/committee?status=all&lang=en", ServedProgram.CommitteeKey);
        Assert.AreEqual("/committee?status=all&lang=en", new Uri(browser.Page.Url).PathAndQuery);
    }

}
