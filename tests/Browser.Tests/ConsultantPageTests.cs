using System.Text.Json.Nodes;
using Decisioning.Browser.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Decisioning.Browser.Tests;

/// <summary>
/// A consultant fills the whole application (employee history and an earlier grant included) in a real browser, in
/// Danish and English at desktop and phone width, checks what each activity could bring, and submits it; every page
/// and state is checked by <see cref="PageChecks"/> (axe-core, html-validate, no machine word, no sideways scroll).
/// </summary>
[TestClass]
public sealed class ConsultantPageTests
{
    private static ServedProgram s_served = null!;

    public TestContext TestContext { get; set; } = null!;

    [ClassInitialize]
    public static async Task StartAsync(TestContext context) => s_served = await ServedProgram.StartAsync();

    [ClassCleanup]
    public static async Task StopAsync() => await s_served.DisposeAsync();

    [TestMethod]
    [DynamicData(nameof(Viewport.LanguagesAndViewports), typeof(Viewport))]
    public async Task Consultant_fills_the_whole_form_sees_each_activity_and_submits_the_application_the_API_would_decide(string lang, string viewport)
    {
        var da = lang == "da";
        await using var browser = await BrowserPage.OpenAsync(s_served, Viewport.Named(viewport));
        var page = browser.Page;
        await browser.SignInAsync($"/consultant?lang={lang}", ServedProgram.ConsultantKey);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(da ? "Hvad kan virksomheden få?" : "What can the company get?");
        await PageChecks.AssertAsync(page, TestContext, s_served, $"consultant-empty-{lang}-{viewport}");

        // The whole application but the project: company, two years of head counts, the assessment and an earlier grant.
        var id = $"BRW-CONS-{lang}-{viewport}";
        var application = Samples.Load(Samples.Nordlys, id);
        var filled = await ConsultantForm.FillAsync(page, application, path => !path.StartsWith("project.", StringComparison.Ordinal));
        CollectionAssert.IsSubsetOf(
            new[] { "company.cvr", "company.employeeHistory[1].year", "company.employeeHistory[1].employees", "priorGrants[0].grantDkk", "priorGrants[0].level", "priorGrants[0].collective", "assessment.roleModel" },
            filled.ToArray(), "the form has a control for each of these: " + string.Join(", ", filled));
        // As a Dane (or a Briton) types an amount.
        await page.Locator("[name='priorGrants[0].grantDkk']").FillAsync(da ? "30.000 kr." : "30000");

        var checkResponse = await browser.PostFormAsync(page.GetByRole(AriaRole.Button, new() { Name = da ? "Tjek" : "Check", Exact = true }));
        Assert.AreEqual(200, checkResponse.Status);
        var result = page.Locator("#result");
        await Expect(result.GetByRole(AriaRole.Heading, new() { Level = 2 })).ToHaveTextAsync(da ? "Niveau B" : "Level B");
        await Expect(page.Locator("#prior-grants-counted")).ToContainTextAsync(da ? "1 tidligere tilskud fra formularen" : "1 earlier grants from the form");
        await Expect(page.Locator("#no-prior-grants")).ToHaveCountAsync(0);
        var growth = result.Locator("table.offers tr[data-activity='individual-growth']");
        await Expect(growth.Locator("td").Nth(0)).ToHaveTextAsync(da ? "Ja" : "Yes");
        await Expect(growth.Locator("td").Nth(1)).ToHaveTextAsync(da ? "50 %" : "50%");
        await Expect(growth.Locator("td").Nth(2)).ToHaveTextAsync(da ? "435.000 kr." : "DKK 435,000");
        // An activity the company cannot get says why, by clause.
        var basecamp = result.Locator("table.offers tr[data-activity='competence-special']");
        await Expect(basecamp.Locator("th")).ToHaveTextAsync(da ? "Kompetenceforløb for SMV'er med særligt internationalt potentiale" : "Competence programme for SMEs with special international potential");
        await PageChecks.AssertAsync(page, TestContext, s_served, $"consultant-checked-{lang}-{viewport}", await checkResponse.TextAsync());

        // The form kept everything, so the consultant adds the project (and its milestone) and submits.
        await Expect(page.Locator("[name='company.employeeHistory[1].employees']")).ToHaveValueAsync("23");
        var project = await ConsultantForm.FillAsync(page, application, path => path.StartsWith("project.", StringComparison.Ordinal));
        Assert.HasCount(8, project, "project fields on the form: " + string.Join(", ", project));
        await page.Locator("[name='project.totalCostDkk']").FillAsync(da ? "240.000" : "240000");
        var submitResponse = await browser.PostFormAsync(page.GetByRole(AriaRole.Button, new() { Name = da ? "Indsend ansøgning" : "Submit application" }));
        Assert.AreEqual(200, submitResponse.Status);
        var submitted = page.Locator("#result section");
        await Expect(submitted.GetByRole(AriaRole.Heading, new() { Level = 2 })).ToContainTextAsync(da ? "Ansøgningen er modtaget." : "The application is received.");
        await Expect(submitted).ToContainTextAsync(da ? $"{id} · Niveau B · Tilskud: 120.000 kr." : $"{id} · Level B · Grant: DKK 120,000");
        // The reasons as the letter words them, in the page's language.
        var stated = await submitted.Locator("ul.reasons li").AllInnerTextsAsync();
        await PageChecks.AssertAsync(page, TestContext, s_served, $"consultant-submitted-{lang}-{viewport}", await submitResponse.TextAsync());

        // The page stored the same application the JSON API takes: decided alike, the earlier grant counted.
        var fromPage = (await s_served.CaseAsync(id))["recommended"]!.AsObject();
        var viaApi = await s_served.SubmitAsync(Samples.Load(Samples.Nordlys, id + "-API"));
        foreach (var decided in new[] { fromPage, viaApi })
        {
            decided.Remove("applicationId");
            decided.Remove("decisionId");
        }
        Assert.IsTrue(JsonNode.DeepEquals(viaApi, fromPage), $"page:\n{fromPage.ToJsonString()}\nAPI:\n{viaApi.ToJsonString()}");
        var english = viaApi["reasons"]!.AsArray().Select(r => (string)r!["message"]!).ToList();
        Assert.AreEqual(english.Count == 0, stated.Count == 0, "reasons are shown when the decision has any: " + string.Join(" | ", stated));
        if (da)
        {
            Assert.IsFalse(stated.Any(s => english.Any(e => s.Contains(e, StringComparison.Ordinal))), "the reasons are worded in Danish: " + string.Join(" | ", stated));
        }
        Assert.IsEmpty(browser.Dialogs);
    }

    [TestMethod]
    [DataRow("da", "Der er ikke angivet tidligere tilskud.")]
    [DataRow("en", "No earlier grants were given.")]
    public async Task A_check_without_earlier_grants_warns_that_the_caps_see_only_the_services_own_and_says_why_an_activity_is_closed(string lang, string warning)
    {
        await using var browser = await BrowserPage.OpenAsync(s_served, Viewport.Phone);
        var page = browser.Page;
        await browser.SignInAsync($"/consultant?lang={lang}", ServedProgram.ConsultantKey);
        // A company founded a year before it applies: only the activity open to all is open to it (P1.3).
        var application = Samples.Load(Samples.Nordlys, $"BRW-CONS-NOGRANTS-{lang}");
        application["company"]!["foundedOn"] = "2025-01-01";
        await ConsultantForm.FillAsync(page, application,
            path => !path.StartsWith("project.", StringComparison.Ordinal) && !path.StartsWith("priorGrants", StringComparison.Ordinal));
        var response = await browser.PostFormAsync(page.GetByRole(AriaRole.Button, new() { Name = lang == "da" ? "Tjek" : "Check", Exact = true }));

        var warned = page.Locator("#no-prior-grants");
        await Expect(warned).ToBeVisibleAsync();
        await Expect(warned).ToContainTextAsync(warning);
        await Expect(warned).ToContainTextAsync("31415926");
        var closed = page.Locator("table.offers tr[data-activity='individual-growth']");
        await Expect(closed.Locator("td").Nth(0)).ToHaveTextAsync(lang == "da" ? "Nej" : "No");
        await Expect(closed.Locator("td").Nth(3)).ToContainTextAsync("P1.3");
        await Expect(closed.Locator("td").Nth(3)).ToContainTextAsync(lang == "da" ? "ikke opfyldt" : "not met");
        await Expect(page.Locator("table.offers tr[data-activity='basecamp'] td").Nth(0)).ToHaveTextAsync(lang == "da" ? "Ja" : "Yes");
        await PageChecks.AssertAsync(page, TestContext, s_served, $"consultant-no-prior-grants-{lang}", await response.TextAsync());
    }

    [TestMethod]
    [DataRow("da", "hele år før ansøgningen; hovedreglen kræver mindst 3 år.", "The company")]
    [DataRow("en", "completed years before the application; the main rule asks for at least 3.", "Virksomheden")]
    public async Task The_checks_conditions_are_worded_in_the_pages_language_from_the_rule_sets_bilingual_messages(string lang, string condition, string otherLanguage)
    {
        await using var browser = await BrowserPage.OpenAsync(s_served, Viewport.Desktop);
        var page = browser.Page;
        await browser.SignInAsync($"/consultant?lang={lang}", ServedProgram.ConsultantKey);
        // Founded a year before it applies: the main rule's P1.3 is not met, and the check says so in the page's language.
        var application = Samples.Load(Samples.Nordlys, $"BRW-CONS-LANG-{lang}");
        application["company"]!["foundedOn"] = "2025-01-01";
        await ConsultantForm.FillAsync(page, application, path => !path.StartsWith("project.", StringComparison.Ordinal));
        var response = await browser.PostFormAsync(page.GetByRole(AriaRole.Button, new() { Name = lang == "da" ? "Tjek" : "Check", Exact = true }));
        Assert.AreEqual(200, response.Status);

        var p13 = page.Locator("table.checks tbody tr").Filter(new() { Has = page.Locator("th", new() { HasTextString = "P1.3" }) });
        await Expect(p13.Locator("td").Nth(1)).ToContainTextAsync(condition);
        await Expect(p13.Locator("td").Nth(1)).Not.ToHaveAttributeAsync("lang", "en");
        var texts = await page.Locator("table.checks tbody td:nth-of-type(2)").AllInnerTextsAsync();
        Assert.IsNotEmpty(texts);
        Assert.IsFalse(texts.Any(t => t.Contains(otherLanguage, StringComparison.Ordinal)), "every condition in the page's language: " + string.Join(" | ", texts));
        await PageChecks.AssertAsync(page, TestContext, s_served, $"consultant-conditions-{lang}", await response.TextAsync());
    }

    [TestMethod]
    public async Task Rows_are_added_and_removed_without_script_and_a_bad_row_is_named_beside_its_field()
    {
        await using var browser = await BrowserPage.OpenAsync(s_served, Viewport.Phone);
        var page = browser.Page;
        await browser.SignInAsync("/consultant", ServedProgram.ConsultantKey);
        await ConsultantForm.FillAsync(page, Samples.Load(Samples.Nordlys, "BRW-CONS-ROWS"), path => !path.StartsWith("project.", StringComparison.Ordinal));
        Assert.AreEqual("2", await page.Locator("input[name='rows:company.employeeHistory']").InputValueAsync());

        // Remove the first year: the second moves up.
        await browser.PostFormAsync(page.GetByRole(AriaRole.Button, new() { Name = "Fjern række 1" }).First);
        await Expect(page.Locator("input[name='rows:company.employeeHistory']")).ToHaveValueAsync("1");
        await Expect(page.Locator("[name='company.employeeHistory[0].year']")).ToHaveValueAsync("2025");

        // A second earlier grant with øre in its amount: the error names the JSON path and stands beside that row's field.
        await browser.PostFormAsync(page.Locator("button[name=action][value='add:priorGrants']"));
        await page.Locator("[name='priorGrants[1].decidedOn']").FillAsync("2025-01-15");
        await page.Locator("[name='priorGrants[1].activity']").SelectOptionAsync("export-mentor");
        await page.Locator("[name='priorGrants[1].level']").SelectOptionAsync("C");
        await page.Locator("[name='priorGrants[1].grantDkk']").FillAsync("20.000,50");
        var response = await browser.PostFormAsync(page.GetByRole(AriaRole.Button, new() { Name = "Tjek", Exact = true }));

        Assert.AreEqual(400, response.Status);
        await Expect(page.Locator("#errors")).ToContainTextAsync("$.priorGrants[1].grantDkk");
        await Expect(page.Locator("#f-priorGrants-1--grantDkk-error")).ToHaveTextAsync("skal være et helt tal, fx 240.000");
        await Expect(page.Locator("#f-priorGrants-1--grantDkk")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.Locator("[name='priorGrants[1].grantDkk']")).ToHaveValueAsync("20.000,50");
        await PageChecks.AssertAsync(page, TestContext, s_served, "consultant-row-error-da-phone", await response.TextAsync());
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
        CollectionAssert.Contains(selects["assessment.scalability.businessPlan"].Select(o => $"{o[0]}={o[1]}").ToList(), "in-process=forretningsplan under udarbejdelse");
        CollectionAssert.Contains(selects["priorGrants[0].activity"].Select(o => $"{o[0]}={o[1]}").ToList(), "individual-growth=Individuelle vækstforløb");
        Assert.IsEmpty(browser.Dialogs);
    }

    private static IEnumerable<string> DeclaredChoices(IReadOnlyList<Decisioning.Input.ContractField> fields, string prefix) =>
        fields.SelectMany(f => f.Kind == Decisioning.Input.FieldKind.Object ? DeclaredChoices(f.Fields, prefix + f.Name + ".")
            : f.Kind == Decisioning.Input.FieldKind.ObjectArray ? DeclaredChoices(f.Fields, prefix + f.Name + "[0].")
            : f.Kind == Decisioning.Input.FieldKind.Word || f.WordList is not null ? [prefix + f.Name] : []);
}
