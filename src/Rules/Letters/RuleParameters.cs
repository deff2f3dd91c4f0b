using System.Globalization;
using Newtonsoft.Json.Linq;

namespace Decisioning.Rules.Letters;

/// <summary>
/// The constant parameters of a programme's rules (<c>GlobalParams</c> whose expression is a number, such as
/// <c>minAgeYears</c>), so a letter can say "at least 3 years" from the rule itself rather than from a copy.
/// </summary>
internal static class RuleParameters
{
    public static IReadOnlyDictionary<string, decimal> For(RuleSetSource source, string programme)
    {
        var result = new Dictionary<string, decimal>(StringComparer.Ordinal);
        var files = source.RuleFiles.Where(f => f.Path.StartsWith("rules/framework/", StringComparison.Ordinal))
            .Concat(source.RuleFiles.Where(f => f.Path.StartsWith($"rules/programmes/{programme}/", StringComparison.Ordinal)));
        foreach (var file in files.Where(f => f.Path.EndsWith(".json", StringComparison.OrdinalIgnoreCase)))
        {
            JToken root;
            try
            {
                root = JToken.Parse(file.Text);
            }
            catch (Newtonsoft.Json.JsonException)
            {
                continue; // the rule compiler has reported it
            }
            foreach (var workflow in root is JArray many ? many.OfType<JObject>() : root is JObject one ? [one] : [])
            {
                foreach (var param in (workflow["GlobalParams"] as JArray)?.OfType<JObject>() ?? [])
                {
                    if ((string?)param["Name"] is { } name
                        && decimal.TryParse((string?)param["Expression"], NumberStyles.Number, CultureInfo.InvariantCulture, out var value))
                    {
                        result[name] = value;
                    }
                }
            }
        }
        return result;
    }
}
