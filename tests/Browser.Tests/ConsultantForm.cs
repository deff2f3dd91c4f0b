using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace Decisioning.Browser.Tests;

/// <summary>
/// Fills the consultant's form from an application's JSON the way a person would: each form control is named by its
/// JSON path, so every leaf of the application that has a control is typed, ticked or chosen.
/// </summary>
internal static class ConsultantForm
{
    /// <summary>Fills the controls for the application's values; returns the JSON paths that had a control.</summary>
    public static async Task<IReadOnlyList<string>> FillAsync(IPage page, JsonObject application, Func<string, bool> include)
    {
        // What kind of control each name is, asked once: a round trip per field would make the suite slow.
        var kinds = await page.EvaluateAsync<Dictionary<string, string>>(
            "() => Object.fromEntries([...document.querySelectorAll('form [name]')].map(e => [e.name, e.tagName.toLowerCase() + ':' + (e.type || '')]))");
        var filled = new List<string>();
        foreach (var (path, value) in Leaves(application, ""))
        {
            if (!include(path) || !kinds.TryGetValue(path, out var kind))
            {
                continue;
            }
            var control = page.Locator($"form [name=\"{path}\"]");
            switch (kind)
            {
                case "input:checkbox":
                    await control.SetCheckedAsync(value?.GetValueKind() == JsonValueKind.True);
                    break;
                case "select:select-one":
                    await control.SelectOptionAsync(Text(value));
                    break;
                default:
                    await control.FillAsync(Text(value));
                    break;
            }
            filled.Add(path);
        }
        return filled;
    }

    /// <summary>The milestones as the form asks for them: one a line, <c>YYYY-MM-DD name</c>.</summary>
    public static string Milestones(JsonArray milestones) =>
        string.Join("\n", milestones.Select(m => $"{(string?)m!["due"]} {(string?)m["name"]}"));

    private static IEnumerable<(string Path, JsonNode? Value)> Leaves(JsonNode? node, string path)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, child) in obj)
                {
                    foreach (var leaf in Leaves(child, path.Length == 0 ? name : $"{path}.{name}"))
                    {
                        yield return leaf;
                    }
                }
                break;
            case JsonArray array when path == "project.milestones":
                yield return (path, JsonValue.Create(Milestones(array)));
                break;
            case JsonArray:
                break; // employee history and prior grants have no field on the form
            default:
                yield return (path, node);
                break;
        }
    }

    private static string Text(JsonNode? value) => value switch
    {
        null => "",
        JsonValue v when v.GetValueKind() == JsonValueKind.Number => v.GetValue<decimal>().ToString(CultureInfo.InvariantCulture),
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        _ => value.ToJsonString(),
    };
}
