using Newtonsoft.Json.Linq;

namespace Decisioning.Rules.Compilation;

/// <summary>
/// Reads the <c>Properties</c> of a rule with the keys its kind allows; an unknown key or a value of the wrong type is
/// an error naming the rule, so a misspelt parameter never goes unnoticed.
/// </summary>
internal sealed class RuleProperties(RuleDefinition rule, List<RuleSetError> errors)
{
    private static readonly HashSet<string> Common = ["clause", "kind", "description"];

    private static readonly Dictionary<string, HashSet<string>> ByKind = new()
    {
        ["scale"] = ["scale", "words"],
        ["vocabulary"] = ["vocabulary", "words"],
        ["parameter"] = ["parameter"],
        ["criterion"] = ["criterion", "weight"],
        ["check"] = ["onFail", "appliesWhen", "needsProject", "finalDecisionLimit", "reports", "successDa", "errorDa"],
        ["referral"] = ["appliesWhen", "successDa"],
        ["output"] = ["output"],
        ["limit"] = ["limit", "needsProject", "guardsFinalDecision", "successDa"],
        ["outcome"] = ["outcome", "decisionBody", "reasons", "showCoFinancing", "followUp", "successDa"],
        ["condition"] = ["perMilestone", "successDa"],
        ["activity"] = ["activity", "nameDa", "nameEn", "share", "collective", "free", "openToAll", "youngExempt", "initialNetwork", "budgetDkk", "plannedCompanies", "successDa", "errorDa"],
        ["reporting"] = ["parameter", "value"],
    };

    public static IEnumerable<string> Kinds => ByKind.Keys;

    public void CheckKeys(string kind)
    {
        if (!ByKind.TryGetValue(kind, out var allowed))
        {
            return;
        }
        foreach (var p in rule.Properties.Properties())
        {
            if (!Common.Contains(p.Name) && !allowed.Contains(p.Name))
            {
                Error($"unknown property '{p.Name}' for a rule of kind '{kind}' (allowed: {string.Join(", ", Common.Concat(allowed))})");
            }
        }
    }

    public string? String(string key, bool required = true)
    {
        var token = rule.Properties[key];
        if (token is null || token.Type == JTokenType.Null)
        {
            if (required)
            {
                Error($"Properties.{key} is required");
            }
            return null;
        }
        if (token.Type != JTokenType.String || string.IsNullOrWhiteSpace((string?)token))
        {
            Error($"Properties.{key} must be a non-empty string");
            return null;
        }
        return (string)token!;
    }

    public bool Bool(string key, bool fallback)
    {
        var token = rule.Properties[key];
        if (token is null)
        {
            return fallback;
        }
        if (token.Type != JTokenType.Boolean)
        {
            Error($"Properties.{key} must be true or false");
            return fallback;
        }
        return (bool)token;
    }

    public decimal? Decimal(string key, decimal min, decimal max)
    {
        var token = rule.Properties[key];
        if (token is null || token.Type is not (JTokenType.Integer or JTokenType.Float))
        {
            Error($"Properties.{key} is required and must be a number");
            return null;
        }
        var value = token.Value<decimal>();
        if (value < min || value > max)
        {
            Error($"Properties.{key} must be between {min} and {max}, not {value}");
            return null;
        }
        return value;
    }

    /// <summary>An optional whole number between the bounds; null when absent (an error when not a whole number in range).</summary>
    public int? Whole(string key, int min, int max)
    {
        var token = rule.Properties[key];
        if (token is null || token.Type == JTokenType.Null)
        {
            return null;
        }
        if (token.Type != JTokenType.Integer || token.Value<long>() < min || token.Value<long>() > max)
        {
            Error($"Properties.{key} must be a whole number between {min} and {max}");
            return null;
        }
        return token.Value<int>();
    }

    /// <summary>The raw value of a key, or null when absent.</summary>
    public JToken? Token(string key) => rule.Properties[key];

    public IReadOnlyList<string>? StringList(string key)
    {
        if (rule.Properties[key] is not JArray array || array.Any(t => t.Type != JTokenType.String))
        {
            Error($"Properties.{key} is required and must be a list of strings");
            return null;
        }
        return array.Select(t => (string)t!).ToList();
    }

    public void Error(string message) => errors.Add(new RuleSetError(rule.File, rule.Name, rule.Line, message));
}
