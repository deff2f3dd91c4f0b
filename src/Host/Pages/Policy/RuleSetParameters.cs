using System.Globalization;
using System.Text.Json;
using Decisioning.Rules;

namespace Decisioning.Host.Pages.Policy;

/// <summary>
/// The rule set's parameters as a policy officer reads them, straight from its workflow files: every constant (a named
/// value, a rule's output such as a cap, a scorecard weight, an activity's share, budget and planned companies, a
/// reporting figure) with its clause, its value, its unit and the file it is in. Nothing is typed here: a changed or
/// new parameter in <c>rules/</c> is a changed or new row. The unit comes from the parameter's name as the rule set
/// writes it (<c>levelCapDkk</c> is kroner, <c>minAgeYears</c> years); a rule that computes its value shows its expression.
/// </summary>
public static class RuleSetParameters
{
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<RuleSetSource, IReadOnlyList<ParameterRow>> Cache = new();

    /// <summary>Every parameter of the rule set, file by file in file order (read once per rule set).</summary>
    public static IReadOnlyList<ParameterRow> Of(RuleSetSource source) => Cache.GetValue(source, Read);

    private static IReadOnlyList<ParameterRow> Read(RuleSetSource source)
    {
        var workflows = RuleSetCatalog.Parameters(source).Select(p => p.File).ToHashSet(StringComparer.Ordinal);
        var rows = new List<ParameterRow>();
        foreach (var file in source.RuleFiles.Where(f => workflows.Contains(f.Path)))
        {
            JsonDocument doc;
            try
            {
                doc = JsonDocument.Parse(file.Content, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            }
            catch (JsonException)
            {
                continue;
            }
            using (doc)
            {
                Add(rows, doc.RootElement, file.Path);
            }
        }
        return rows;
    }

    private static void Add(List<ParameterRow> rows, JsonElement root, string file)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return;
        }
        if (root.TryGetProperty("GlobalParams", out var globals) && globals.ValueKind == JsonValueKind.Array)
        {
            foreach (var p in globals.EnumerateArray())
            {
                if (Text(p, "Name") is { } name && Constant(Text(p, "Expression")) is { } value)
                {
                    rows.Add(new ParameterRow("", name, null, value, UnitOf(name), file, name, null));
                }
            }
        }
        if (!root.TryGetProperty("Rules", out var rules) || rules.ValueKind != JsonValueKind.Array)
        {
            return;
        }
        foreach (var rule in rules.EnumerateArray())
        {
            var props = rule.TryGetProperty("Properties", out var p) && p.ValueKind == JsonValueKind.Object ? p : default;
            var clause = Text(props, "clause") ?? "";
            var ruleName = Text(rule, "RuleName") ?? "";
            var description = Text(props, "description");
            var condition = Text(rule, "Expression");
            switch (Text(props, "kind"))
            {
                case "output":
                    var output = Text(props, "output") ?? "";
                    var expression = rule.TryGetProperty("Actions", out var a) && a.TryGetProperty("OnSuccess", out var s) && s.TryGetProperty("Context", out var c) ? Text(c, "Expression") : null;
                    rows.Add(new ParameterRow(clause, output, description, Constant(expression) ?? ParameterValue.Computed(expression ?? ""), Constant(expression) is null ? ParameterUnit.None : UnitOf(output), file, ruleName, condition));
                    break;
                case "parameter":
                    var parameter = Text(props, "parameter") ?? ruleName;
                    var constant = rule.TryGetProperty("Actions", out var pa) && pa.TryGetProperty("OnSuccess", out var ps) && ps.TryGetProperty("Context", out var pc) ? Constant(Text(pc, "Expression")) : null;
                    if (constant is not null)
                    {
                        rows.Add(new ParameterRow(clause, parameter, description, constant, UnitOf(parameter), file, ruleName, null));
                    }
                    break;
                case "criterion" when Number(props, "weight") is { } weight:
                    rows.Add(new ParameterRow(clause, "weight", description, ParameterValue.Of(weight), ParameterUnit.Share, file, ruleName, null) { Subject = Text(props, "criterion") });
                    break;
                case "activity":
                    foreach (var name in new[] { "share", "budgetDkk", "plannedCompanies" })
                    {
                        if (Number(props, name) is { } n)
                        {
                            rows.Add(new ParameterRow(clause, name, description, ParameterValue.Of(n), name == "share" ? ParameterUnit.Share : UnitOf(name), file, ruleName, null) { Subject = Text(props, "activity") });
                        }
                    }
                    break;
                case "reporting":
                    var figure = Text(props, "parameter") ?? ruleName;
                    var subject = Text(props, "activity");
                    if (Number(props, "value") is { } v)
                    {
                        rows.Add(new ParameterRow(clause, figure, description, ParameterValue.Of(v), UnitOf(figure), file, ruleName, null) { Subject = subject });
                    }
                    else if (Number(props, "min") is { } min && Number(props, "max") is { } max)
                    {
                        rows.Add(new ParameterRow(clause, figure, description, ParameterValue.Between(min, max), UnitOf(figure), file, ruleName, null) { Subject = subject });
                    }
                    break;
                case "limit":
                    var limit = rule.TryGetProperty("Actions", out var la) && la.TryGetProperty("OnSuccess", out var ls) && ls.TryGetProperty("Context", out var lc) ? Text(lc, "Expression") : null;
                    rows.Add(new ParameterRow(clause, Text(props, "limit") ?? ruleName, description, ParameterValue.Computed(limit ?? condition ?? ""), ParameterUnit.Kroner, file, ruleName, null));
                    break;
            }
        }
    }

    /// <summary>
    /// The unit a parameter's name gives it: <c>…Dkk</c> kroner, <c>…Years</c> years, <c>…Months</c> months,
    /// <c>…Employees</c>/<c>…Companies</c>/<c>…Periods</c> a count, <c>…Share</c>/<c>…Growth</c>/<c>…Factor</c> a fraction.
    /// </summary>
    public static ParameterUnit UnitOf(string name) => name switch
    {
        _ when name.EndsWith("Dkk", StringComparison.Ordinal) || name.EndsWith("DkkPerJob", StringComparison.Ordinal) => ParameterUnit.Kroner,
        _ when name.EndsWith("Years", StringComparison.Ordinal) => ParameterUnit.Years,
        _ when name.EndsWith("Months", StringComparison.Ordinal) => ParameterUnit.Months,
        _ when name.EndsWith("Employees", StringComparison.Ordinal) || name.EndsWith("EmployeeCeiling", StringComparison.Ordinal) => ParameterUnit.Employees,
        _ when name.EndsWith("Companies", StringComparison.Ordinal) => ParameterUnit.Companies,
        _ when name.EndsWith("Periods", StringComparison.Ordinal) => ParameterUnit.Periods,
        _ when name.EndsWith("Share", StringComparison.Ordinal) || name.EndsWith("share", StringComparison.Ordinal) || name.EndsWith("Reserved", StringComparison.Ordinal) => ParameterUnit.Share,
        _ when name.EndsWith("Growth", StringComparison.Ordinal) => ParameterUnit.Share,
        _ => ParameterUnit.None,
    };

    /// <summary>
    /// A rule's expression when it is a literal (a whole or decimal number, with or without the <c>m</c> suffix, <c>true</c>,
    /// <c>false</c> or <c>null</c>) as a value read from the rule file; null when it computes. No value is known here.
    /// </summary>
    private static ParameterValue? Constant(string? expression)
    {
        var e = expression?.Trim() ?? "";
        if (e is "true" or "false")
        {
            return ParameterValue.Flag(e == "true");
        }
        if (e == "null")
        {
            return ParameterValue.None;
        }
        var number = e.EndsWith('m') || e.EndsWith('M') ? e[..^1] : e;
        return decimal.TryParse(number, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var d) ? ParameterValue.Of(d) : null;
    }

    private static string? Text(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static decimal? Number(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetDecimal(out var d) ? d : null;
}
