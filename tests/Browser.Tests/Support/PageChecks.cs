using Microsoft.Playwright;

namespace Decisioning.Browser.Tests.Support;

/// <summary>
/// The checks every page and state gets, in one call: axe-core reports no violation, html-validate no error in the HTML
/// the server sent, no label is missing (<c>[data-missing-label]</c>), a Danish page shows no machine word of the rule
/// set as text, nothing scrolls sideways at the page's width, and a full-page screenshot is kept as a test artefact.
/// </summary>
internal static class PageChecks
{
    private static readonly Dictionary<string, IReadOnlySet<string>> WordsByRules = [];

    /// <summary>
    /// Checks the page as it is now. <paramref name="html"/> is the HTML the server sent for it; null fetches the page's
    /// address again (with the browser's cookies), which is right for any page reached by GET.
    /// </summary>
    public static async Task AssertAsync(IPage page, TestContext test, ServedProgram served, string name, string? html = null)
    {
        var screenshot = Path.Combine(test.TestRunResultsDirectory ?? Path.GetTempPath(), "screenshots", $"{Safe(test.TestName)}-{Safe(name)}.png");
        Directory.CreateDirectory(Path.GetDirectoryName(screenshot)!);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot, FullPage = true });
        test.AddResultFile(screenshot);

        var problems = new List<string>();
        var violations = await Axe.ViolationsAsync(page);
        problems.AddRange(violations.Select(v => "axe: " + v));

        html ??= await (await page.Context.APIRequest.GetAsync(page.Url)).TextAsync();
        if (await HtmlValidate.ErrorsAsync(html, name) is { Length: > 0 } errors)
        {
            problems.Add("html-validate: " + errors);
        }

        var missing = await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('[data-missing-label]')].map(e => e.dataset.missingLabel + ': ' + e.textContent)");
        problems.AddRange(missing.Select(m => "label missing for " + m));

        if (await page.EvaluateAsync<string>("() => document.documentElement.lang") == "da")
        {
            var shown = await page.EvaluateAsync<string>("() => document.body.innerText");
            var words = WordsOf(served.RulesDir);
            problems.AddRange(MachineWords.Tokens(shown).Where(words.Contains).Distinct().Select(w => $"machine word shown on a Danish page: '{w}'"));
        }

        var size = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        if (size[0] > size[1])
        {
            problems.Add($"the page scrolls sideways: {size[0]} px wide in a {size[1]} px window");
        }
        Assert.IsEmpty(problems, $"{name} ({page.Url}, screenshot {screenshot}):\n" + string.Join("\n", problems));
    }

    private static IReadOnlySet<string> WordsOf(string rulesDir)
    {
        lock (WordsByRules)
        {
            if (!WordsByRules.TryGetValue(rulesDir, out var words))
            {
                WordsByRules[rulesDir] = words = MachineWords.Read(rulesDir);
            }
            return words;
        }
    }

    private static string Safe(string? text) => string.Concat((text ?? "test").Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_'));
}
