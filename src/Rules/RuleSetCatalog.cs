using Newtonsoft.Json.Linq;

namespace Decisioning.Rules;

/// <summary>Lists the rules and parameters of a rule set with their clauses, for the policy page and documentation.</summary>
public static class RuleSetCatalog
{
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<RuleSetSource, IReadOnlyList<RuleParameterInfo>> Cache = new();

    /// <summary>Every rule of every workflow file, in file order, with its clause, value and condition (read once per rule set).</summary>
    public static IReadOnlyList<RuleParameterInfo> Parameters(RuleSetSource source) => Cache.GetValue(source, Read);

    private static IReadOnlyList<RuleParameterInfo> Read(RuleSetSource source)
    {
        var list = new List<RuleParameterInfo>();
        foreach (var file in source.RuleFiles.Where(f => Compilation.WorkflowReader.IsWorkflowPath(f.Path)))
        {
            JObject json;
            try
            {
                json = JObject.Parse(file.Text);
            }
            catch (Newtonsoft.Json.JsonException)
            {
                continue;
            }
            foreach (var p in (json["GlobalParams"] as JArray)?.OfType<JObject>() ?? [])
            {
                list.Add(new RuleParameterInfo("", "named value", (string?)p["Name"] ?? "", file.Path, (string?)p["Expression"], null, null));
            }
            foreach (var rule in (json["Rules"] as JArray)?.OfType<JObject>() ?? [])
            {
                var props = rule["Properties"] as JObject ?? [];
                var kind = (string?)props["kind"] ?? "";
                string? value = (string?)rule.SelectToken("Actions.OnSuccess.Context.Expression");
                if (kind == "activity")
                {
                    value = $"share {props["share"]}, budget {props["budgetDkk"]} DKK{((bool?)props["collective"] == true ? ", collective" : "")}{((bool?)props["free"] == true ? ", free" : "")}{(props["plannedCompanies"] is { } planned ? $", planned for {planned} companies" : "")}";
                }
                else if (kind == "criterion")
                {
                    value = $"weight {props["weight"]}";
                }
                else if (kind == "scale")
                {
                    value = string.Join(" < ", (props["words"] as JArray)?.Select(w => (string?)w) ?? []);
                }
                else if (kind == "vocabulary")
                {
                    value = string.Join(", ", (props["words"] as JArray)?.Select(w => (string?)w["word"]) ?? []);
                }
                else if (kind == "reporting")
                {
                    value = props["activity"] is null ? $"{props["parameter"]} = {props["value"]}" : $"{props["parameter"]} {props["activity"]}: {props["min"]}-{props["max"]}";
                }
                else if (kind == "outcome")
                {
                    value = (string?)props["outcome"];
                }
                list.Add(new RuleParameterInfo(
                    (string?)props["clause"] ?? "",
                    kind,
                    (string?)rule["RuleName"] ?? "",
                    file.Path,
                    value,
                    kind is "scale" or "vocabulary" ? null : (string?)rule["Expression"],
                    (string?)props["description"]));
            }
        }
        return list;
    }
}
