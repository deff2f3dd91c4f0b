using System.Text.Json.Nodes;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Decisioning.Browser.Tests;

/// <summary>A policy officer edits the live rules/ folder: a broken edit is refused and shown, a good one goes live.</summary>
[TestClass]
public sealed class PolicyReloadTests
{
    private const string CoFinancing = "framework/co-financing.json";

    private static ServedProgram s_served = null!;

    public TestContext TestContext { get; set; } = null!;

    [ClassInitialize]
    public static async Task StartAsync(TestContext context) => s_served = await ServedProgram.StartAsync();

    [ClassCleanup]
    public static async Task StopAsync() => await s_served.DisposeAsync();

    [TestMethod]
    public async Task Broken_edit_is_refused_and_shown_then_a_good_edit_goes_live_without_a_restart()
    {
        await using var browser = await BrowserPage.OpenAsync(s_served);
        var page = browser.Page;
        await browser.SignInAsync("/policy", ServedProgram.PolicyKey);
        var original = (string)(await s_served.CurrentRuleSetAsync())["hash"]!;
        await Expect(ShownHash(page)).ToHaveTextAsync(original);
        await Expect(page.Locator("#last-error")).ToHaveTextAsync("Ingen: den seneste ændring blev taget i brug.");

        // A broken edit: the file is cut off mid-way, as a crashed editor might leave it.
        var good = s_served.ReadRuleFile(CoFinancing);
        s_served.WriteRuleFile(CoFinancing, good[..(good.Length / 2)]);
        var (refused, _) = await s_served.WaitForRuleSetAsync(r => r["lastReloadError"] is JsonObject, "the broken edit to be refused");
        Assert.AreEqual(original, (string?)refused["hash"], "the last good rule set stays active");
        await page.ReloadAsync();
        var lastError = page.Locator("#last-error");
        await Expect(lastError).ToHaveAttributeAsync("role", "alert");
        await Expect(lastError).ToContainTextAsync("rules/framework/co-financing.json");
        await Expect(ShownHash(page)).ToHaveTextAsync(original);
        var during = await s_served.SubmitAsync(BigProject("BRW-POL-0001"));
        Assert.AreEqual(original, (string?)during["ruleSet"]!["hash"]);
        Assert.AreEqual(435000m, (decimal?)during["coFinancing"]!["levelCapDkk"]);

        // A good edit: the level B cap for established companies (P4.4) goes from 435,000 to 400,000 DKK.
        Assert.AreEqual(1, good.Split("\"Expression\": \"435000\"").Length - 1, "one level B established cap in " + CoFinancing);
        s_served.WriteRuleFile(CoFinancing, good.Replace("\"Expression\": \"435000\"", "\"Expression\": \"400000\"", StringComparison.Ordinal));
        var (live, waited) = await s_served.WaitForRuleSetAsync(
            r => (string?)r["hash"] != original && r["lastReloadError"] is null, "the good edit to go live");
        var changed = (string)live["hash"]!;
        TestContext.WriteLine($"the good edit went live after {waited.TotalSeconds:0.0} s (a timing, not a check: bench/README.md measures reloads)");

        await page.ReloadAsync();
        await Expect(ShownHash(page)).ToHaveTextAsync(changed);
        await Expect(page.Locator("#last-error")).ToHaveTextAsync("Ingen: den seneste ændring blev taget i brug.");
        var cap = page.Locator("tr[data-rule='P4.4 level cap B established']");
        await Expect(cap.Locator("td.value")).ToHaveTextAsync("400.000");

        // A new decision is made under the new cap, and it binds.
        var after = await s_served.SubmitAsync(BigProject("BRW-POL-0002"));
        Assert.AreEqual(changed, (string?)after["ruleSet"]!["hash"]);
        Assert.AreEqual(400000m, (decimal?)after["coFinancing"]!["levelCapDkk"]);
        Assert.AreEqual(400000m, (decimal?)after["coFinancing"]!["grantDkk"]);
        Assert.AreEqual("level-cap", (string?)after["coFinancing"]!["bindingLimit"]);
    }

    [TestMethod]
    public async Task Trying_a_change_on_the_page_validates_it_without_making_it_live()
    {
        await using var browser = await BrowserPage.OpenAsync(s_served);
        var page = browser.Page;
        await browser.SignInAsync("/policy", ServedProgram.PolicyKey);
        var active = (string)(await s_served.CurrentRuleSetAsync())["hash"]!;

        await page.GetByLabel("Fil", new() { Exact = true }).SelectOptionAsync("rules/framework/co-financing.json");
        var content = page.GetByLabel("Indhold");
        var text = await content.InputValueAsync();
        Assert.Contains("\"Expression\": \"34000\"", text, "the level C established cap is in the text to edit");
        await content.FillAsync(text.Replace("\"Expression\": \"34000\"", "\"Expression\": \"30000\"", StringComparison.Ordinal));
        await page.GetByRole(AriaRole.Button, new() { Name = "Afprøv", Exact = true }).ClickAsync();

        var verdict = page.GetByRole(AriaRole.Status);
        await Expect(verdict).ToContainTextAsync("Regelsættet er gyldigt.");
        var candidate = await verdict.Locator("code").InnerTextAsync();
        Assert.StartsWith("sha256:", candidate);
        Assert.AreNotEqual(active, candidate, "the tried rule set is another one");
        Assert.AreEqual(active, (string?)(await s_served.CurrentRuleSetAsync())["hash"], "trying a change does not make it live");

        await page.GetByLabel("Indhold").FillAsync("{ \"WorkflowName\": ");
        await page.GetByRole(AriaRole.Button, new() { Name = "Afprøv", Exact = true }).ClickAsync();
        var refusal = page.Locator("#validate + div[role=alert]");
        await Expect(refusal).ToContainTextAsync("Regelsættet er ikke gyldigt:");
        await Expect(refusal).ToContainTextAsync("rules/framework/co-financing.json");
    }

    private static ILocator ShownHash(IPage page) => page.Locator("main dl dd code");

    /// <summary>Nordlys (level B, established) asking for 500,000 DKK of a 1 million project: more than the level cap.</summary>
    private static JsonObject BigProject(string id)
    {
        var application = Samples.Load(Samples.Nordlys, id);
        var project = application["project"]!;
        project["totalCostDkk"] = 1_000_000;
        project["ownCashDkk"] = 500_000;
        project["requestedDkk"] = 500_000;
        return application;
    }
}
