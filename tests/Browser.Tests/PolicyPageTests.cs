using System.Text.Json.Nodes;
using Decisioning.Browser.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Decisioning.Browser.Tests;

/// <summary>
/// A policy officer reads the rule set's parameters and budgets (an SVG chart), loads a file for a trial change from
/// their computer and sees which stored cases it would decide otherwise, old → new, in Danish and English at phone and
/// desktop width; every page and state is checked by <see cref="PageChecks"/>.
/// </summary>
[TestClass]
public sealed class PolicyPageTests
{
    private const string CoFinancing = "rules/framework/co-financing.json";

    private static ServedProgram s_served = null!;

    public TestContext TestContext { get; set; } = null!;

    [ClassInitialize]
    public static async Task StartAsync(TestContext context)
    {
        s_served = await ServedProgram.StartAsync();
        // Nordlys (level B, established) is recommended 120,000 DKK; a lower level B cap would bind it.
        await s_served.SubmitAsync(Samples.Load(Samples.Nordlys, "BRW-POLPAGE-0001"));
    }

    [ClassCleanup]
    public static async Task StopAsync() => await s_served.DisposeAsync();

    [TestMethod]
    [DynamicData(nameof(Viewport.LanguagesAndViewports), typeof(Viewport))]
    public async Task Policy_officer_loads_a_trial_file_and_sees_the_impact_by_case_and_the_budget_chart(string lang, string viewport)
    {
        var da = lang == "da";
        await using var browser = await BrowserPage.OpenAsync(s_served, Viewport.Named(viewport));
        var page = browser.Page;
        await browser.SignInAsync($"/policy?lang={lang}", ServedProgram.PolicyKey);
        var active = (string)(await s_served.CurrentRuleSetAsync())["hash"]!;

        // Budgets as a chart drawn on the server: one bar per activity, named in the page's language.
        var chart = page.Locator("figure svg[role=img]").First;
        await Expect(chart).ToHaveAttributeAsync("aria-label", da ? "Bevilget af hver aktivitets budget" : "Granted of each activity's budget");
        await Expect(chart.Locator("text").First).ToHaveTextAsync(da ? "Basecamps og workshopforløb" : "Basecamps and workshops");
        Assert.AreEqual(6, await chart.Locator("rect[fill='#0b3d5c']").CountAsync(), "a bar per activity");
        // The parameters as a table: the level B cap with its clause, value and unit, read from the file.
        var cap = page.Locator("tr[data-rule='P4.4 level cap B established']");
        await Expect(cap.Locator("th")).ToHaveTextAsync("P4.4");
        await Expect(cap.Locator("td.value")).ToHaveTextAsync(da ? "435.000" : "435,000");
        await Expect(cap.Locator("td").Nth(2)).ToHaveTextAsync(da ? "kr." : "DKK");
        await PageChecks.AssertAsync(page, TestContext, s_served, $"policy-{lang}-{viewport}");

        // The chosen file is loaded into the editor (no script: the button posts the form).
        await page.GetByLabel(da ? "Fil" : "File", new() { Exact = true }).SelectOptionAsync(CoFinancing);
        await browser.PostFormAsync(page.GetByRole(AriaRole.Button, new() { Name = da ? "Hent den valgte fil" : "Load the chosen file" }));
        var content = page.Locator("#content");
        Assert.Contains("\"Expression\": \"435000\"", await content.InputValueAsync(), "the caps file is in the editor");

        // A file from the officer's computer with the level B cap for established companies cut to 100,000 DKK.
        var file = Path.Combine(Path.GetTempPath(), $"co-financing-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, s_served.ReadRuleFile("framework/co-financing.json").Replace("\"Expression\": \"435000\"", "\"Expression\": \"100000\"", StringComparison.Ordinal));
        try
        {
            await page.Locator("#upload").SetInputFilesAsync(file);
            var tried = await browser.PostFormAsync(page.GetByRole(AriaRole.Button, new() { Name = da ? "Afprøv" : "Try", Exact = true }));
            Assert.AreEqual(200, tried.Status);
            await Expect(page.Locator("#trial-valid")).ToContainTextAsync(da ? "Regelsættet er gyldigt." : "The rule set is valid.");
            Assert.Contains("\"Expression\": \"100000\"", await content.InputValueAsync(), "the editor shows the file loaded");
            var row = page.Locator("#impact tr", new() { Has = page.Locator("th", new() { HasTextString = "BRW-POLPAGE-0001" }) });
            await Expect(row.Locator("td").Nth(0)).ToHaveTextAsync(da ? "tilsagn → tilsagn om et nedsat beløb" : "approval → approval of a reduced amount");
            await Expect(row.Locator("td").Nth(1)).ToHaveTextAsync(da ? "120.000 kr. → 100.000 kr." : "DKK 120,000 → DKK 100,000");
            await PageChecks.AssertAsync(page, TestContext, s_served, $"policy-tried-{lang}-{viewport}", await tried.TextAsync());
        }
        finally
        {
            File.Delete(file);
        }
        Assert.AreEqual(active, (string?)(await s_served.CurrentRuleSetAsync())["hash"], "trying a change does not make it live");
    }

    [TestMethod]
    public async Task A_file_that_is_not_a_rule_set_is_refused_in_words()
    {
        await using var browser = await BrowserPage.OpenAsync(s_served, Viewport.Phone);
        var page = browser.Page;
        await browser.SignInAsync("/policy", ServedProgram.PolicyKey);
        var file = Path.Combine(Path.GetTempPath(), $"rules-{Guid.NewGuid():N}.zip");
        await File.WriteAllBytesAsync(file, "PK\u0003\u0004 not a zip"u8.ToArray());
        try
        {
            await page.Locator("#upload").SetInputFilesAsync(file);
            var tried = await browser.PostFormAsync(page.GetByRole(AriaRole.Button, new() { Name = "Afprøv", Exact = true }));
            Assert.AreEqual(400, tried.Status);
            var refusal = page.Locator("#validate + div[role=alert]");
            await Expect(refusal).ToContainTextAsync("Ændringen kunne ikke læses:");
            await Expect(refusal).ToContainTextAsync("is not a readable zip");
            await PageChecks.AssertAsync(page, TestContext, s_served, "policy-unreadable-da-phone", await tried.TextAsync());
        }
        finally
        {
            File.Delete(file);
        }
    }

    [TestMethod]
    [DataRow("da", "Regelsættet er ikke gyldigt:")]
    [DataRow("en", "The rule set is not valid:")]
    public async Task A_broken_edit_is_refused_naming_the_file(string lang, string refused)
    {
        await using var browser = await BrowserPage.OpenAsync(s_served, Viewport.Desktop);
        var page = browser.Page;
        await browser.SignInAsync($"/policy?lang={lang}&file=rules%2Fframework%2Fscorecard.json", ServedProgram.PolicyKey);
        // The file asked for in the address is the one in the editor.
        Assert.Contains("\"WorkflowName\": \"framework-scorecard\"", await page.Locator("#content").InputValueAsync());
        await page.Locator("#content").FillAsync("{ \"WorkflowName\": ");
        var tried = await browser.PostFormAsync(page.GetByRole(AriaRole.Button, new() { Name = lang == "da" ? "Afprøv" : "Try", Exact = true }));

        Assert.AreEqual(400, tried.Status);
        var refusal = page.Locator("#validate + div[role=alert]");
        await Expect(refusal).ToContainTextAsync(refused);
        await Expect(refusal).ToContainTextAsync("rules/framework/scorecard.json");
        await PageChecks.AssertAsync(page, TestContext, s_served, $"policy-refused-{lang}-desktop", await tried.TextAsync());
    }
}
