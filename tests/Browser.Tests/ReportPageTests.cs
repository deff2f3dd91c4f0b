using System.Net;
using Decisioning.Browser.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Decisioning.Browser.Tests;

/// <summary>
/// Policy staff read the half-yearly programme report: SVG charts and stacked tables in Danish and English at phone and
/// desktop width, checked by <see cref="PageChecks"/>; a bad query is answered in words.
/// </summary>
[TestClass]
public sealed class ReportPageTests
{
    private static ServedProgram s_served = null!;

    public TestContext TestContext { get; set; } = null!;

    [ClassInitialize]
    public static async Task StartAsync(TestContext context)
    {
        s_served = await ServedProgram.StartAsync();
        await s_served.SubmitAsync(Samples.Load(Samples.Nordlys, "BRW-REP-0001"));
        var recorded = await s_served.RecordFinalAsync("BRW-REP-0001", "approve", 120000, "Mette Holm");
        Assert.AreEqual(HttpStatusCode.Created, recorded.Status, recorded.Body);
    }

    [ClassCleanup]
    public static async Task StopAsync() => await s_served.DisposeAsync();

    [TestMethod]
    [DynamicData(nameof(Viewport.LanguagesAndViewports), typeof(Viewport))]
    public async Task Report_page_shows_charts_and_figures_in_the_pages_language(string lang, string viewport)
    {
        var da = lang == "da";
        await using var browser = await BrowserPage.OpenAsync(s_served, Viewport.Named(viewport));
        var page = browser.Page;
        var path = $"/reports?lang={lang}&from=2026-01-01&to=2026-12-31";
        await browser.SignInAsync(path, ServedProgram.PolicyKey);

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(da ? "Programstatus pr. halvår: eksport-2017" : "Programme status per half-year: eksport-2017");
        Assert.IsGreaterThanOrEqualTo(4, await page.Locator("figure svg[role=img]").CountAsync(), "the charts");
        var budget = page.Locator("figure svg[role=img]").First;
        await Expect(budget).ToHaveAttributeAsync("aria-label", da ? "Budgetforbrug pr. aktivitet" : "Budget use per activity");
        await Expect(budget.Locator("desc")).ToContainTextAsync(da ? "Individuelle vækstforløb: 120.000 kr. af 17.900.000 kr. (0,7 %)" : "Individual growth programme (private consultancy): DKK 120,000 of DKK 17,900,000 (0.7%)");
        var totals = page.Locator("table", new() { Has = page.Locator("caption", new() { HasTextString = da ? "Alle aktiviteter" : "All activities" }) });
        await Expect(totals.Locator("tbody td[data-label='" + (da ? "Bevilget" : "Granted") + "']", new() { HasTextString = da ? "120.000 kr." : "DKK 120,000" })).ToHaveCountAsync(1);
        await PageChecks.AssertAsync(page, TestContext, s_served, $"report-{lang}-{viewport}");
    }

    [TestMethod]
    public async Task A_bad_query_is_answered_in_words()
    {
        await using var browser = await BrowserPage.OpenAsync(s_served, Viewport.Phone);
        var page = browser.Page;
        await browser.SignInAsync("/reports?from=nope", ServedProgram.PolicyKey);
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Ret forespørgslen:");
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("$.from");
        var response = await page.Context.APIRequest.GetAsync(page.Url);
        Assert.AreEqual(400, response.Status);
        await PageChecks.AssertAsync(page, TestContext, s_served, "report-bad-query-da-phone", await response.TextAsync());
    }
}
