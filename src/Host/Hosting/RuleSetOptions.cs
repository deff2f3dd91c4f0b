namespace Decisioning.Host.Hosting;

/// <summary>Configuration section <c>RuleSet</c>: the folders the active rule set is loaded from (<c>--rules</c>, <c>--templates</c>).</summary>
public sealed record RuleSetOptions
{
    public const string Section = "RuleSet";

    public string RulesDir { get; init; } = "rules";

    public string? TemplatesDir { get; init; }
}
