using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Decisioning.Browser.Tests;

/// <summary>A committee member works through the queue: reads a case and its letter, and overrides the recommendation.</summary>
[TestClass]
public sealed class CommitteePageTests
{
    private static ServedProgram s_served = null!;

    [ClassInitialize]
    public static async Task StartAsync(TestContext context) => s_served = await ServedProgram.StartAsync();

    [ClassCleanup]
    public static async Task StopAsync() => await s_served.DisposeAsync();

    [TestMethod]
    public async Task Committee_member_reads_the_letter_in_both_languages_overrides_with_a_justification_and_sees_it_recorded()
    {
        await s_served.SubmitAsync(Samples.Load(Samples.Nordlys, "BRW-COM-0001"));
        await using var browser = await BrowserPage.OpenAsync(s_served);
        var page = browser.Page;
        await browser.SignInAsync("/committee", ServedProgram.CommitteeKey);

        var row = page.Locator("main table tr", new() { Has = page.GetByRole(AriaRole.Link, new() { Name = "BRW-COM-0001", Exact = true }) });
        await Expect(row).ToContainTextAsync("approve");
        await Expect(row).ToContainTextAsync("120.000 kr.");
        await row.GetByRole(AriaRole.Link, new() { Name = "BRW-COM-0001" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Sag BRW-COM-0001");
        var amounts = page.Locator("table", new() { Has = page.Locator("caption", new() { HasTextString = "Beløb og lofter" }) });
        await Expect(amounts.Locator("tr", new() { HasTextString = "Tilskud" })).ToContainTextAsync("120.000 kr.");

        // The letter preview, in Danish and in English, names the company and the amount.
        await page.GetByRole(AriaRole.Link, new() { Name = "Brev på dansk" }).ClickAsync();
        await Expect(page.Locator("body")).ToContainTextAsync("Bevillingsudvalget giver Nordlys Maskiner ApS tilsagn om 120.000 kr.");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "da");
        await page.GoBackAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Brev på engelsk" }).ClickAsync();
        await Expect(page.Locator("body")).ToContainTextAsync("The grant committee grants Nordlys Maskiner ApS DKK 120,000");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await page.GoBackAsync();

        await page.GetByLabel("Afgør anderledes").CheckAsync();
        await page.GetByLabel("Udfald", new() { Exact = true }).SelectOptionAsync("approve-reduced");
        await page.GetByLabel("Tilskud (DKK)").FillAsync("90000");
        await page.GetByLabel("Besluttet af").FillAsync("Mette Holm");
        await page.GetByLabel("Begrundelse").FillAsync("Markedsanalysen for Norge er delvist betalt af en anden ordning.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Registrér afgørelsen" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Den endelige afgørelse er registreret.");
        var final = page.Locator("p.notice");
        await Expect(final).ToContainTextAsync("approve-reduced · 90.000 kr. · Mette Holm");
        await Expect(final).ToContainTextAsync("Markedsanalysen for Norge er delvist betalt af en anden ordning.");
        await Expect(page.Locator("form input[name=choice]")).ToHaveCountAsync(0);

        var stored = await s_served.CaseAsync("BRW-COM-0001");
        Assert.AreEqual("approve-reduced", (string?)stored["final"]!["outcome"]);
        Assert.AreEqual(90000m, (decimal?)stored["final"]!["grantDkk"]);
        Assert.IsTrue((bool?)stored["final"]!["departsFromRecommendation"]);

        // Decided cases leave the queue.
        await page.GetByRole(AriaRole.Link, new() { Name = "Bevillingsudvalg" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Ansøgninger, der venter på afgørelse");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "BRW-COM-0001" })).ToHaveCountAsync(0);
    }

    [TestMethod]
    public async Task Override_without_a_justification_is_refused_in_words_and_nothing_is_recorded()
    {
        await s_served.SubmitAsync(Samples.Load(Samples.Nordlys, "BRW-COM-0002"));
        await using var browser = await BrowserPage.OpenAsync(s_served);
        var page = browser.Page;
        await browser.SignInAsync("/committee/cases/BRW-COM-0002", ServedProgram.CommitteeKey);

        await page.GetByLabel("Afgør anderledes").CheckAsync();
        await page.GetByLabel("Udfald", new() { Exact = true }).SelectOptionAsync("approve-reduced");
        await page.GetByLabel("Tilskud (DKK)").FillAsync("90000");
        await page.GetByLabel("Besluttet af").FillAsync("Mette Holm");
        var response = await browser.PostFormAsync(page.GetByRole(AriaRole.Button, new() { Name = "Registrér afgørelsen" }));

        Assert.AreEqual(400, response.Status);
        var refusal = page.GetByRole(AriaRole.Alert);
        await Expect(refusal).ToContainTextAsync("Afgørelsen blev ikke registreret");
        await Expect(refusal).ToContainTextAsync("Skriv en begrundelse: afgørelsen afviger fra anbefalingen (approve, 120.000 kr.)");
        // The form is still there to correct.
        await Expect(page.GetByLabel("Begrundelse")).ToBeVisibleAsync();
        Assert.IsNull((await s_served.CaseAsync("BRW-COM-0002"))["final"]);
    }
}
