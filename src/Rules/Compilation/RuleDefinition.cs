using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Decisioning.Rules.Compilation;

/// <summary>A rule as read from a workflow file, with the file, line and workflow scope it belongs to.</summary>
internal sealed class RuleDefinition
{
    public required string File { get; init; }
    public required string Workflow { get; init; }
    public required JObject Json { get; init; }
    public required ExpressionScope Scope { get; init; }

    public string Name => (string?)Json["RuleName"] ?? "(no RuleName)";

    public int? Line => ((IJsonLineInfo)Json).HasLineInfo() ? ((IJsonLineInfo)Json).LineNumber : null;

    public string? Expression => (string?)Json["Expression"];

    public bool Enabled => Json["Enabled"]?.Type != JTokenType.Boolean || (bool)Json["Enabled"]!;

    public JObject Properties => Json["Properties"] as JObject ?? [];

    public string? SuccessEvent => (string?)Json["SuccessEvent"] ?? (string?)Json["SuccessMessage"];

    public string? ErrorMessage => (string?)Json["ErrorMessage"];

    /// <summary>The expression of <c>Actions.OnSuccess</c> (RulesEngine's <c>OutputExpression</c> action).</summary>
    public string? OutputExpression => (string?)Json.SelectToken("Actions.OnSuccess.Context.Expression");

    public string? OutputActionName => (string?)Json.SelectToken("Actions.OnSuccess.Name");

    public IEnumerable<JObject> Children => (Json["Rules"] as JArray)?.OfType<JObject>() ?? [];

    public IEnumerable<JObject> LocalParams => (Json["LocalParams"] as JArray)?.OfType<JObject>() ?? [];
}
