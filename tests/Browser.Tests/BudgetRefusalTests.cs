using System.Net;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Decisioning.Browser.Tests;

/// <summary>The committee's case page shows the 409 refusal in words when the activity budget ran out after the recommendation.</summary>
[TestClass]
public sealed class BudgetRefusalTests
{
    private const string Activities = "programmes/eksport-2017/activities.json";

    private static ServedProgram s_served = null!;

    public TestContext TestContext { get; set; } = null!;

    [ClassInitialize]
    public static async Task StartAsync(TestContext context) => s_served = await ServedProgram.StartAsync();

    [ClassCleanup]
    public static async Task StopAsync() => await s_served.DisposeAsync();

    [TestMethod]
    public async Task Confirming_a_grant_the_budget_no_longer_fits_is_refused_in_words()
    {
        // Two companies are each recommended 120,000 DKK of individual growth under the 17.9 million budget ...
        var first = Samples.Load(Samples.Nordlys, "BRW-BUD-0001");
        var second = Samples.Load(Samples.Nordlys, "BRW-BUD-0002");
        second["company"]!["cvr"] = "27182818";
        Assert.AreEqual(120000m, (decimal?)(await s_served.SubmitAsync(first))["coFinancing"]!["grantDkk"]);
        Assert.AreEqual(120000m, (decimal?)(await s_served.SubmitAsync(second))["coFinancing"]!["grantDkk"]);

        // ... then policy staff cut the budget to 200,000 DKK, and the first grant is recorded: 80,000 DKK are left.
        var before = (string)(await s_served.CurrentRuleSetAsync())["hash"]!;
        var activities = s_served.ReadRuleFile(Activities);
        Assert.Contains("\"activity\": \"individual-growth\"", activities);
        s_served.WriteRuleFile(Activities, activities.Replace("\"budgetDkk\": 17900000", "\"budgetDkk\": 200000", StringComparison.Ordinal));
        await s_served.WaitForRuleSetAsync(r => (string?)r["hash"] != before, "the cut budget to go live");
        var recorded = await s_served.RecordFinalAsync("BRW-BUD-0001", "approve", 120000, "Mette Holm");
        Assert.AreEqual(HttpStatusCode.Created, recorded.Status, recorded.Body);

        await using var browser = await BrowserPage.OpenAsync(s_served);
        var page = browser.Page;
        await browser.SignInAsync("/committee/cases/BRW-BUD-0002", ServedProgram.CommitteeKey);
        await page.Locator("#confirm-decidedBy").FillAsync("Mette Holm");
        var response = await browser.PostFormAsync(page.GetByRole(AriaRole.Button, new() { Name = "Bekræft indstillingen" }));

        Assert.AreEqual(409, response.Status);
        var refusal = page.GetByRole(AriaRole.Alert);
        await Expect(refusal).ToContainTextAsync("Der er kun 80.000 kr. tilbage under aktivitetens budget (P6.5), så 120.000 kr. kan ikke bevilges. Intet blev registreret.");
        await Expect(page.Locator("form.confirm button[type=submit]")).ToBeVisibleAsync();
        await Support.PageChecks.AssertAsync(page, TestContext, s_served, "budget-refused", await response.TextAsync());
        Assert.IsNull((await s_served.CaseAsync("BRW-BUD-0002"))["final"]);
    }
}
