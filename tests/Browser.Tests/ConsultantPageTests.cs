using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Decisioning.Browser.Tests;

/// <summary>A consultant checks what a company can get, then submits its application, in a real browser.</summary>
[TestClass]
public sealed class ConsultantPageTests
{
    private static ServedProgram s_served = null!;

    [ClassInitialize]
    public static async Task StartAsync(TestContext context) => s_served = await ServedProgram.StartAsync();

    [ClassCleanup]
    public static async Task StopAsync() => await s_served.DisposeAsync();

    [TestMethod]
    public async Task Consultant_checks_Nordlys_sees_level_B_and_the_offers_then_submits_and_sees_the_recommendation()
    {
        await using var browser = await BrowserPage.OpenAsync(s_served);
        var page = browser.Page;
        await browser.SignInAsync("/consultant", ServedProgram.ConsultantKey);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Hvad kan virksomheden få?");

        var application = Samples.Load(Samples.Nordlys, "BRW-CONS-0001");
        var filled = await ConsultantForm.FillAsync(page, application, path => !path.StartsWith("project.", StringComparison.Ordinal));
        CollectionAssert.IsSubsetOf(
            new[] { "applicationId", "company.cvr", "company.name", "company.foundedOn", "company.employees", "assessment.growthAmbition.revenueGrowth", "assessment.scalability.businessPlan", "assessment.finance.equityPositive", "assessment.roleModel" },
            filled.ToArray(),
            "the form has a field for each of these: " + string.Join(", ", filled));

        await page.GetByRole(AriaRole.Button, new() { Name = "Tjek", Exact = true }).ClickAsync();

        var result = page.Locator("#result");
        await Expect(result.GetByRole(AriaRole.Heading, new() { Level = 2 })).ToHaveTextAsync("Niveau: B");
        var offers = result.Locator("table", new() { Has = page.Locator("caption", new() { HasTextString = "Aktiviteter" }) });
        var individualGrowth = offers.Locator("tr", new() { Has = page.Locator("code", new() { HasTextString = "individual-growth" }) });
        await Expect(individualGrowth).ToHaveCountAsync(1);
        await Expect(individualGrowth.Locator("td").Nth(0)).ToHaveTextAsync("Ja");
        await Expect(individualGrowth.Locator("td").Nth(1)).ToHaveTextAsync("50 %");
        await Expect(individualGrowth.Locator("td").Nth(2)).ToHaveTextAsync("435.000 kr.");
        // The form keeps what was typed, so the consultant only adds the project.
        await Expect(page.Locator("[name='company.name']")).ToHaveValueAsync("Nordlys Maskiner ApS");

        var project = await ConsultantForm.FillAsync(page, application, path => path.StartsWith("project.", StringComparison.Ordinal));
        Assert.HasCount(7, project, "project fields on the form: " + string.Join(", ", project));
        await page.GetByRole(AriaRole.Button, new() { Name = "Indsend ansøgning" }).ClickAsync();

        var submitted = page.Locator("#result section");
        await Expect(submitted.GetByRole(AriaRole.Heading, new() { Level = 2 })).ToHaveTextAsync("Ansøgningen er modtaget. Anbefalet afgørelse: approve");
        await Expect(submitted).ToContainTextAsync("BRW-CONS-0001 · Niveau: B · Tilskud: 120.000 kr.");

        // It is stored as a case for the committee, decided as the API would.
        var stored = await s_served.CaseAsync("BRW-CONS-0001");
        Assert.AreEqual("approve", (string?)stored["recommended"]!["outcome"]);
        Assert.AreEqual(120000m, (decimal?)stored["recommended"]!["coFinancing"]!["grantDkk"]);
        Assert.IsEmpty(browser.Dialogs);
    }

    [TestMethod]
    [DataRow("da", "240.000", "120.000", "Indsend ansøgning", "Tilskud: 120.000 kr.")]
    [DataRow("en", "240,000", "120,000", "Submit application", "Grant: DKK 120,000")]
    public async Task Amounts_typed_with_thousands_separators_are_whole_kroner(string lang, string total, string half, string submit, string grant)
    {
        await using var browser = await BrowserPage.OpenAsync(s_served);
        var page = browser.Page;
        await browser.SignInAsync($"/consultant?lang={lang}", ServedProgram.ConsultantKey);
        var id = $"BRW-CONS-THOUSANDS-{lang}";
        await ConsultantForm.FillAsync(page, Samples.Load(Samples.Nordlys, id), _ => true);

        // As the pages write amounts (435.000 kr., DKK 435,000), so people type them.
        await page.Locator("[name='project.totalCostDkk']").FillAsync(total);
        await page.Locator("[name='project.ownCashDkk']").FillAsync(half);
        await page.Locator("[name='project.requestedDkk']").FillAsync(half);
        await page.GetByRole(AriaRole.Button, new() { Name = submit }).ClickAsync();

        await Expect(page.Locator("#result section")).ToContainTextAsync(grant);
        var stored = (await s_served.CaseAsync(id))["recommended"]!["coFinancing"]!;
        Assert.AreEqual(120000m, (decimal?)stored["eligibleDkk"], "half of a total cost of 240,000 DKK");
        Assert.AreEqual(120000m, (decimal?)stored["grantDkk"]);
    }

    [TestMethod]
    public async Task Every_declared_enumerated_field_is_a_choice_list_with_the_rule_sets_words_and_labels()
    {
        await using var browser = await BrowserPage.OpenAsync(s_served);
        var page = browser.Page;
        await browser.SignInAsync("/consultant", ServedProgram.ConsultantKey);
        var selects = await page.EvaluateAsync<Dictionary<string, string[][]>>(
            "() => Object.fromEntries([...document.querySelectorAll('form select')].map(s => [s.name, [...s.options].map(o => [o.value, o.text])]))");

        var declared = DeclaredChoices(Decisioning.Input.ApplicationContract.Fields, "").ToList();
        Assert.IsGreaterThanOrEqualTo(10, declared.Count, "the declaration's enumerated fields: " + string.Join(", ", declared));
        foreach (var path in declared)
        {
            Assert.IsTrue(selects.TryGetValue(path, out var options), $"{path} is declared with words from the rule set but has no choice list on the form");
            Assert.IsNotEmpty(options, path);
        }
        CollectionAssert.Contains(selects["company.region"].Select(o => $"{o[0]}={o[1]}").ToList(), "Midtjylland=Region Midtjylland", "P1.8: the word is sent, the Danish label shown");
        CollectionAssert.Contains(selects["company.sector"].Select(o => o[0]).ToList(), "food");
        Assert.IsEmpty(browser.Dialogs);
    }

    private static IEnumerable<string> DeclaredChoices(IReadOnlyList<Decisioning.Input.ContractField> fields, string prefix) =>
        fields.SelectMany(f => f.Kind == Decisioning.Input.FieldKind.Object ? DeclaredChoices(f.Fields, prefix + f.Name + ".")
            : f.Kind == Decisioning.Input.FieldKind.Word || f.WordList is not null ? [prefix + f.Name] : []);
}
