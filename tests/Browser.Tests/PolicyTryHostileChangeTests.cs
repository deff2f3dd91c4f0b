using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Decisioning.Browser.Tests;

/// <summary>
/// "Try a change" on the policy page with what once crashed the service (an amount that divides by zero, brackets
/// 20,000 deep, a chain of parameters): each is refused on the page with file, rule and line, and the service answers on.
/// </summary>
[TestClass]
public sealed class PolicyTryHostileChangeTests
{
    private const string CoFinancing = "rules/framework/co-financing.json";
    private const string CapC = "\"Expression\": \"34000\"";

    private static ServedProgram s_served = null!;

    [ClassInitialize]
    public static async Task StartAsync(TestContext context) => s_served = await ServedProgram.StartAsync();

    [ClassCleanup]
    public static async Task StopAsync() => await s_served.DisposeAsync();

    [TestMethod]
    [DataRow("PASS-MARK / 0", "scorecard.json:34 P3.2 pass mark", "cannot be evaluated: Attempted to divide by zero")]
    [DataRow("DEEP", "co-financing.json:43 P4.4 level cap C established", "characters long; at most 4000 are allowed")]
    [DataRow("CHAIN", "co-financing.json:", "too large once its parameters are put in place")]
    public async Task A_hostile_change_is_refused_on_the_page_naming_file_rule_and_line(string cap, string where, string message)
    {
        await using var browser = await BrowserPage.OpenAsync(s_served);
        var page = browser.Page;
        await browser.SignInAsync("/policy", ServedProgram.PolicyKey);
        var active = (string)(await s_served.CurrentRuleSetAsync())["hash"]!;

        var file = cap.StartsWith("PASS-MARK", StringComparison.Ordinal) ? "rules/framework/scorecard.json" : CoFinancing;
        await page.GetByLabel("Fil", new() { Exact = true }).SelectOptionAsync(file);
        var content = page.GetByLabel("Indhold");
        var text = await content.InputValueAsync();
        if (file != CoFinancing)
        {
            // The text area shows the default file; the pass mark is a constant evaluated when the rule set is loaded.
            await content.FillAsync(s_served.ReadRuleFile("framework/scorecard.json").Replace("\"Expression\": \"0.70m\"", "\"Expression\": \"0.70m / 0\"", StringComparison.Ordinal));
            await page.GetByRole(AriaRole.Button, new() { Name = "Afprøv", Exact = true }).ClickAsync();
            await ExpectRefusal(page, where, message, active);
            return;
        }
        Assert.Contains(CapC, text, "the level C established cap is in the text to edit");
        var edited = cap switch
        {
            "DEEP" => text.Replace(CapC, $"\"Expression\": \"{new string('(', 20000)}34000{new string(')', 20000)}\"", StringComparison.Ordinal),
            "CHAIN" => text.Replace("\"Rules\": [", "\"GlobalParams\": [ { \"Name\": \"q0\", \"Expression\": \"1m\" }"
                + string.Concat(Enumerable.Range(1, 40).Select(i => $", {{ \"Name\": \"q{i}\", \"Expression\": \"q{i - 1} + q{i - 1}\" }}")) + " ], \"Rules\": [", StringComparison.Ordinal),
            _ => text.Replace(CapC, $"\"Expression\": \"{cap}\"", StringComparison.Ordinal),
        };
        await content.FillAsync(edited);
        await page.GetByRole(AriaRole.Button, new() { Name = "Afprøv", Exact = true }).ClickAsync();
        await ExpectRefusal(page, where, message, active);
    }

    private static async Task ExpectRefusal(IPage page, string where, string message, string active)
    {
        var refusal = page.Locator("#validate + div[role=alert]");
        await Expect(refusal).ToContainTextAsync("Regelsættet er ikke gyldigt:");
        await Expect(refusal).ToContainTextAsync(where);
        await Expect(refusal).ToContainTextAsync(message);
        Assert.AreEqual(active, (string?)(await s_served.CurrentRuleSetAsync())["hash"], "the service answers, and nothing went live");
    }
}
