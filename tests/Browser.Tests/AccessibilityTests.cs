using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Decisioning.Browser.Tests;

/// <summary>Keyboard and screen-reader basics of the consultant's page: labels, language, one heading, a skip link.</summary>
[TestClass]
public sealed class AccessibilityTests
{
    /// <summary>Every form control a person fills in, with the name a screen reader would announce for it ('' when none).</summary>
    private const string ControlsAndLabels = """
        () => [...document.querySelectorAll('input, select, textarea')]
            .filter(e => !['hidden', 'submit', 'button', 'reset'].includes(e.type))
            .map(e => {
                const byLabel = [...(e.labels || [])].map(l => l.textContent.trim()).join(' ');
                const byAria = e.getAttribute('aria-label')
                    || (e.getAttribute('aria-labelledby') || '').split(' ').map(id => document.getElementById(id)?.textContent.trim() || '').join(' ');
                return { control: e.name || e.id || e.outerHTML, label: (byLabel || byAria || '').trim() };
            })
        """;

    private static ServedProgram s_served = null!;

    [ClassInitialize]
    public static async Task StartAsync(TestContext context) => s_served = await ServedProgram.StartAsync();

    [ClassCleanup]
    public static async Task StopAsync() => await s_served.DisposeAsync();

    [TestMethod]
    [DataRow("da", "Hvad kan virksomheden få?", "Spring til indhold")]
    [DataRow("en", "What can the company get?", "Skip to content")]
    public async Task Consultant_page_has_a_label_for_every_input_a_language_one_h1_and_a_skip_link(string lang, string h1, string skip)
    {
        await using var browser = await BrowserPage.OpenAsync(s_served);
        var page = browser.Page;
        await browser.SignInAsync($"/consultant?lang={lang}", ServedProgram.ConsultantKey);

        var controls = await page.EvaluateAsync<ControlLabel[]>(ControlsAndLabels);
        Assert.IsGreaterThan(40, controls.Length, "the form's controls: " + string.Join(", ", controls.Select(c => c.Control)));
        var unlabelled = controls.Where(c => c.Label.Length == 0).Select(c => c.Control).ToList();
        Assert.IsEmpty(unlabelled, "controls without a label: " + string.Join(", ", unlabelled));

        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", lang);
        Assert.AreEqual(1, await page.EvaluateAsync<int>("() => document.querySelectorAll('h1').length"));
        await Expect(page.Locator("h1")).ToHaveTextAsync(h1);

        // The skip link is the first thing the keyboard reaches, and it moves focus past the navigation to the content.
        await page.Keyboard.PressAsync("Tab");
        var focused = await page.EvaluateAsync<string>("() => document.activeElement.tagName + ' ' + document.activeElement.getAttribute('href') + ' ' + document.activeElement.textContent");
        Assert.AreEqual($"A #main {skip}", focused);
        await Expect(page.Locator(".skip")).ToBeInViewportAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(url => url.EndsWith("#main", StringComparison.Ordinal));
        Assert.AreEqual("MAIN", await page.EvaluateAsync<string>("() => document.querySelector(':target')?.tagName"));
        await page.Keyboard.PressAsync("Tab");
        Assert.IsTrue(
            await page.EvaluateAsync<bool>("() => document.querySelector('main').contains(document.activeElement)"),
            "after the skip link, Tab reaches the content, not the navigation");
    }

    /// <summary>A form control and the text of its label (filled in by Playwright from the page's answer).</summary>
    private sealed class ControlLabel
    {
        public string Control { get; set; } = "";
        public string Label { get; set; } = "";
    }
}
