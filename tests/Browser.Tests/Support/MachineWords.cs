using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Decisioning.Browser.Tests.Support;

/// <summary>
/// The machine words a Danish page must never show as text, read from the rule set the program serves (not typed
/// here): the P1.8 vocabularies' words, the activities, the limits, the outcomes and the scales' words (the level
/// letters aside). A word that is also Danish (it is a word of the pages' Danish texts or of the rule set's Danish
/// labels, such as <c>budget</c>) cannot be told from Danish and is left out.
/// </summary>
internal static partial class MachineWords
{
    /// <summary>The words of the rule set in <paramref name="rulesDir"/>.</summary>
    public static IReadOnlySet<string> Read(string rulesDir)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        var danish = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var file in Directory.EnumerateFiles(rulesDir, "*.json", SearchOption.AllDirectories))
        {
            if (JsonNode.Parse(File.ReadAllText(file)) is not JsonObject { } root || root["Rules"] is not JsonArray rules)
            {
                continue;
            }
            foreach (var properties in rules.Select(r => r?["Properties"]).OfType<JsonObject>())
            {
                switch ((string?)properties["kind"])
                {
                    case "vocabulary":
                        foreach (var w in properties["words"]!.AsArray().OfType<JsonObject>())
                        {
                            words.Add((string)w["word"]!);
                            danish.UnionWith(Tokens((string?)w["da"] ?? ""));
                        }
                        break;
                    case "activity":
                        words.Add((string)properties["activity"]!);
                        danish.UnionWith(Tokens((string?)properties["nameDa"] ?? ""));
                        break;
                    case "limit":
                        words.Add((string)properties["limit"]!);
                        break;
                    case "outcome":
                        if (properties["outcome"] is JsonValue outcome)
                        {
                            words.Add((string)outcome!);
                        }
                        break;
                    case "scale" when (string?)properties["scale"] != "level":
                        words.UnionWith(properties["words"]!.AsArray().Select(w => (string)w!));
                        break;
                }
            }
        }
        foreach (var value in XDocument.Load(RepoFolders.DanishTexts).Root!.Elements("data").Select(d => (string?)d.Element("value") ?? ""))
        {
            danish.UnionWith(Tokens(value));
        }
        words.RemoveWhere(danish.Contains);
        return words;
    }

    /// <summary>The words of a text: letters and digits, joined by hyphens (<c>approve-reduced</c> is one word).</summary>
    public static IEnumerable<string> Tokens(string text) => Word().Matches(text).Select(m => m.Value);

    [GeneratedRegex(@"[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*")]
    private static partial Regex Word();
}
