using Decisioning.Browser.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Decisioning.Browser.Tests;

/// <summary>
/// The growth panel's own queue of level-A referrals (P8.2), the committee's case page printed as a document, and the
/// letter frame, which runs no script.
/// </summary>
[TestClass]
public sealed class PanelAndPrintTests
{
    private static ServedProgram s_served = null!;

    public TestContext TestContext { get; set; } = null!;

    [ClassInitialize]
    public static async Task StartAsync(TestContext context) => s_served = await ServedProgram.StartAsync();

    [ClassCleanup]
    public static async Task StopAsync() => await s_served.DisposeAsync();

    [TestMethod]
    public async Task Growth_panel_sees_its_referrals_only_and_confirms_one_in_Danish()
    {
        var referral = await s_served.SubmitAsync(Samples.Load(Samples.Vestvind, "BRW-PANEL-1"));
        Assert.AreEqual("refer-to-growth-panel", (string?)referral["outcome"]);
        await s_served.SubmitAsync(Samples.Load(Samples.Nordlys, "BRW-PANEL-COMMITTEE"));
        await using var browser = await BrowserPage.OpenAsync(s_served, Viewport.Phone);
        var page = browser.Page;
        await browser.SignInAsync("/committee?lang=da", ServedProgram.PanelKey);

        await Expect(page.Locator("table.queue")).ToContainTextAsync("BRW-PANEL-1");
        await Expect(page.Locator("table.queue")).Not.ToContainTextAsync("BRW-PANEL-COMMITTEE");
        await Expect(page.Locator("header form.signout")).ToContainTextAsync("Vækstpanelet");
        await PageChecks.AssertAsync(page, TestContext, s_served, "panel-queue");
        await page.Locator("table.queue").GetByRole(AriaRole.Link, new() { Name = "BRW-PANEL-1" }).ClickAsync();
        await Expect(page.Locator("dl.facts").First).ToContainTextAsync("Forelæggelse for vækstpanelet");
        await PageChecks.AssertAsync(page, TestContext, s_served, "panel-case");
        await page.Locator("#confirm-decidedBy").FillAsync("Vækstpanelets formand");
        var response = await browser.PostFormAsync(page.Locator("form.confirm button[type=submit]"));
        Assert.AreEqual(200, response.Status);
        var final = (await s_served.CaseAsync("BRW-PANEL-1"))["final"]!;
        Assert.AreEqual((decimal?)referral["coFinancing"]!["grantDkk"], (decimal?)final["grantDkk"]);
        Assert.AreEqual("Vækstpanelets formand", (string?)final["decidedBy"]);
    }

    [TestMethod]
    public async Task Case_page_prints_without_header_navigation_forms_or_letter_frame_and_the_frame_runs_no_script()
    {
        await s_served.SubmitAsync(Samples.Load(Samples.Nordlys, "BRW-PRINT-1"));
        await using var browser = await BrowserPage.OpenAsync(s_served, Viewport.Desktop);
        var page = browser.Page;
        await browser.SignInAsync("/committee/cases/BRW-PRINT-1", ServedProgram.CommitteeKey);

        var frame = page.Locator("iframe.letter");
        await Expect(frame).ToHaveAttributeAsync("sandbox", "allow-same-origin");
        await Expect(page.FrameLocator("iframe.letter").Locator("body")).ToContainTextAsync("Nordlys Maskiner ApS");
        var letter = await page.Context.APIRequest.GetAsync(await frame.GetAttributeAsync("src") ?? "");
        StringAssert.Contains(letter.Headers["content-security-policy"], "sandbox");
        StringAssert.Contains(letter.Headers["content-security-policy"], "default-src 'none'");

        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        await Expect(page.Locator("header.site")).ToBeHiddenAsync();
        await Expect(page.Locator("form.confirm")).ToBeHiddenAsync();
        await Expect(frame).ToBeHiddenAsync();
        await Expect(page.Locator("h1")).ToBeVisibleAsync();
        await Expect(page.Locator("table.amounts")).ToBeVisibleAsync();
        var pdf = Path.Combine(Path.GetTempPath(), $"case-{Guid.NewGuid():N}.pdf");
        await page.PdfAsync(new PagePdfOptions { Path = pdf, Format = "A4" });
        TestContext.AddResultFile(pdf);
    }
}
