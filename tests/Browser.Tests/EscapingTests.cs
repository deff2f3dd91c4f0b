using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Decisioning.Browser.Tests;

/// <summary>Pages escape everything a caller typed: markup in an application or a form is shown as text, never run.</summary>
[TestClass]
public sealed class EscapingTests
{
    private const string Markup = "<script>alert(1)</script><b>x</b>";

    private static ServedProgram s_served = null!;

    [ClassInitialize]
    public static async Task StartAsync(TestContext context) => s_served = await ServedProgram.StartAsync();

    [ClassCleanup]
    public static async Task StopAsync() => await s_served.DisposeAsync();

    [TestMethod]
    public async Task Company_name_with_markup_is_text_in_the_queue_the_case_page_and_the_letter()
    {
        var application = Samples.Load(Samples.Nordlys, "BRW-XSS-0001");
        application["company"]!["name"] = Markup;
        await s_served.SubmitAsync(application);
        await using var browser = await BrowserPage.OpenAsync(s_served);
        var page = browser.Page;
        await browser.SignInAsync("/committee", ServedProgram.CommitteeKey);

        var row = page.Locator("main table tr", new() { Has = page.GetByRole(AriaRole.Link, new() { Name = "BRW-XSS-0001" }) });
        await Expect(row).ToContainTextAsync(Markup);
        await AssertNoElementsFromMarkupAsync(page.MainFrame, "the queue");

        await row.GetByRole(AriaRole.Link, new() { Name = "BRW-XSS-0001" }).ClickAsync();
        await Expect(page.Locator("main")).ToContainTextAsync(Markup);
        await AssertNoElementsFromMarkupAsync(page.MainFrame, "the case page");

        var letter = await (await page.Locator("main iframe").ElementHandleAsync()).ContentFrameAsync();
        Assert.IsNotNull(letter);
        await Expect(letter.Locator("body")).ToContainTextAsync($"Bevillingsudvalget giver {Markup} tilsagn om 120.000 kr.");
        await AssertNoElementsFromMarkupAsync(letter, "the letter");
        Assert.IsEmpty(browser.Dialogs, string.Join("; ", browser.Dialogs));
    }

    [TestMethod]
    public async Task Markup_typed_into_the_committee_form_is_text_once_recorded()
    {
        await s_served.SubmitAsync(Samples.Load(Samples.Nordlys, "BRW-XSS-0002"));
        await using var browser = await BrowserPage.OpenAsync(s_served);
        var page = browser.Page;
        await browser.SignInAsync("/committee/cases/BRW-XSS-0002", ServedProgram.CommitteeKey);

        await page.Locator("#outcome").SelectOptionAsync("approve-reduced");
        await page.Locator("#grantDkk").FillAsync("100.000");
        await page.Locator("#decidedBy").FillAsync("<img src=x onerror=alert(2)>");
        await page.Locator("#justification").FillAsync(Markup);
        await browser.PostFormAsync(page.Locator("form.override button[type=submit]"));

        var final = page.Locator("dl.final");
        await Expect(final).ToContainTextAsync("100.000 kr.");
        await Expect(final).ToContainTextAsync("<img src=x onerror=alert(2)>");
        await Expect(final).ToContainTextAsync(Markup);
        Assert.AreEqual(0, await page.EvaluateAsync<int>("() => document.querySelectorAll('img').length"));
        await AssertNoElementsFromMarkupAsync(page.MainFrame, "the recorded decision");
        Assert.IsEmpty(browser.Dialogs, string.Join("; ", browser.Dialogs));
    }

    [TestMethod]
    public async Task Markup_typed_into_the_consultant_form_is_text_in_the_form_and_its_errors()
    {
        await using var browser = await BrowserPage.OpenAsync(s_served);
        var page = browser.Page;
        await browser.SignInAsync("/consultant", ServedProgram.ConsultantKey);

        await page.GetByLabel("Navn", new() { Exact = true }).FillAsync(Markup);
        await page.GetByLabel("CVR-nr.").FillAsync("<b>1</b>");
        var response = await browser.PostFormAsync(page.GetByRole(AriaRole.Button, new() { Name = "Tjek", Exact = true }));

        Assert.AreEqual(400, response.Status, "the form has errors");
        await Expect(page.GetByLabel("Navn", new() { Exact = true })).ToHaveValueAsync(Markup);
        await Expect(page.GetByLabel("CVR-nr.")).ToHaveValueAsync("<b>1</b>");
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("CVR-nr. $.company.cvr: skal være et CVR-nr. på 8 cifre, ikke '<b>1</b>'");
        await AssertNoElementsFromMarkupAsync(page.MainFrame, "the consultant's form");
        Assert.IsEmpty(browser.Dialogs, string.Join("; ", browser.Dialogs));
    }

    /// <summary>None of the pages has a script or a <c>b</c> element of its own, so any there came from what was typed.</summary>
    private static async Task AssertNoElementsFromMarkupAsync(IFrame frame, string where)
    {
        Assert.AreEqual(0, await frame.EvaluateAsync<int>("() => document.querySelectorAll('script').length"), $"script elements in {where}");
        Assert.AreEqual(0, await frame.EvaluateAsync<int>("() => document.querySelectorAll('b').length"), $"b elements in {where}");
    }
}
