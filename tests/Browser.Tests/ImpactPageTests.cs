using Decisioning.Browser.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Decisioning.Browser.Tests;

/// <summary>
/// A policy officer tries a change on every stored case from the policy page (issue 15): the browser follows the 303 to
/// the run's page, which refreshes itself by its <c>Refresh</c> header until the report is shown, in Danish at phone
/// width; the finished page is checked by <see cref="PageChecks"/>.
/// </summary>
[TestClass]
public sealed class ImpactPageTests
{
    private static ServedProgram s_served = null!;

    public TestContext TestContext { get; set; } = null!;

    [ClassInitialize]
    public static async Task StartAsync(TestContext context)
    {
        s_served = await ServedProgram.StartAsync();
        // Nordlys (level B, established) is recommended 120,000 DKK; a lower level B cap binds it.
        await s_served.SubmitAsync(Samples.Load(Samples.Nordlys, "BRW-IMPACT-0001"));
    }

    [ClassCleanup]
    public static async Task StopAsync() => await s_served.DisposeAsync();

    [TestMethod]
    public async Task A_change_tried_on_every_stored_case_ends_in_its_report_in_Danish_on_a_phone()
    {
        await using var browser = await BrowserPage.OpenAsync(s_served, Viewport.Phone);
        var page = browser.Page;
        await browser.SignInAsync("/policy?lang=da&file=rules%2Fframework%2Fco-financing.json", ServedProgram.PolicyKey);
        await page.Locator("#content").FillAsync(s_served.ReadRuleFile("framework/co-financing.json")
            .Replace("\"Expression\": \"435000\"", "\"Expression\": \"100000\"", StringComparison.Ordinal));

        var started = await browser.PostFormAsync(page.GetByRole(AriaRole.Button, new() { Name = "Afprøv på alle gemte sager", Exact = true }));

        Assert.AreEqual(303, started.Status);
        StringAssert.Contains(page.Url, "/policy/impact/impact-");
        // A running page reloads itself every 2 s (the Refresh header, no script) until the run is done.
        await Expect(page.Locator("#impact-state")).ToHaveTextAsync("Afprøvningen er færdig.", new() { Timeout = 30_000 });
        await Expect(page.Locator("#impact-changed")).ToHaveTextAsync("1");
        var row = page.Locator("#impact-cases tr", new() { Has = page.Locator("th", new() { HasTextString = "BRW-IMPACT-0001" }) });
        await Expect(row.Locator("td").Nth(0)).ToHaveTextAsync("tilsagn → tilsagn om et nedsat beløb");
        await Expect(row.Locator("td").Nth(1)).ToHaveTextAsync("120.000 kr. → 100.000 kr.");
        await Expect(page.Locator("#impact-grant-change")).ToHaveTextAsync("-20.000 kr.");
        await PageChecks.AssertAsync(page, TestContext, s_served, "impact-done-da-phone");
    }
}
