using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace Decisioning.Browser.Tests;

/// <summary>
/// Fills the consultant's form from an application's JSON the way a person would: each form control is named by its
/// JSON path (a list's items by row, <c>priorGrants[0].grantDkk</c>), so every leaf of the application that has a
/// control is typed, ticked or chosen; a list with more items than rows gets rows added with its button first.
/// </summary>
internal static class ConsultantForm
{
    /// <summary>Fills the controls for the application's values; returns the JSON paths that had a control.</summary>
    public static async Task<IReadOnlyList<string>> FillAsync(IPage page, JsonObject application, Func<string, bool> include)
    {
        foreach (var (list, items) in Lists(application, ""))
        {
            if (!include(list))
            {
                continue;
            }
            var rows = page.Locator($"input[name='rows:{list}']");
            while (int.Parse(await rows.InputValueAsync(), CultureInfo.InvariantCulture) < items)
            {
                // No script: the row button posts the form, which comes back with one row more.
                await page.RunAndWaitForResponseAsync(
                    () => page.Locator($"button[name=action][value='add:{list}']").ClickAsync(),
                    r => r.Request.Method == "POST" && r.Request.ResourceType == "document");
                await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
            }
        }
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

    private static IEnumerable<(string List, int Items)> Lists(JsonNode? node, string path)
    {
        if (node is JsonObject obj)
        {
            foreach (var (name, child) in obj)
            {
                var at = path.Length == 0 ? name : $"{path}.{name}";
                if (child is JsonArray array)
                {
                    yield return (at, array.Count);
                }
                foreach (var inner in Lists(child, at))
                {
                    yield return inner;
                }
            }
        }
    }

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
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    foreach (var leaf in Leaves(array[i], $"{path}[{i}]"))
                    {
                        yield return leaf;
                    }
                }
                break;
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
