using System.Text.Json;
using Microsoft.Playwright;

namespace Decisioning.Browser.Tests.Support;

/// <summary>
/// axe-core (npm, <c>tests/tools/node_modules/axe-core</c>, pinned by the lockfile) run in the page: it is evaluated
/// through the DevTools protocol (the pages' CSP runs no script of theirs, and this is not theirs) and reports the WCAG
/// A and AA violations of the page as it is now.
/// </summary>
internal static class Axe
{
    private static readonly Lazy<string> Source = new(() =>
    {
        var path = Path.Combine(RepoFolders.Tools, "node_modules", "axe-core", "axe.min.js");
        Assert.IsTrue(File.Exists(path), $"axe-core is not installed: run 'npm ci' in {RepoFolders.Tools} (.ci/run does it)");
        return File.ReadAllText(path);
    });

    /// <summary>The violations, one line each (rule, impact, the first elements), empty when there are none.</summary>
    public static async Task<IReadOnlyList<string>> ViolationsAsync(IPage page)
    {
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe === 'object'"))
        {
            await page.EvaluateAsync(Source.Value + "\n;0");
        }
        var json = await page.EvaluateAsync<string>("""
            async () => {
                const r = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] } });
                return JSON.stringify(r.violations.map(v => v.id + ' (' + v.impact + '): ' + v.help + ' at ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', ')));
            }
            """);
        return JsonSerializer.Deserialize<string[]>(json) ?? [];
    }
}
