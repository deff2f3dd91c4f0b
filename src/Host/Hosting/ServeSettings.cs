namespace Decisioning.Host.Hosting;

/// <summary>What the command line says about <c>serve</c>: each value, when given, overrides configuration.</summary>
public sealed record ServeSettings
{
    public string? RulesDir { get; init; }
    public string? TemplatesDir { get; init; }
    /// <summary>False when <c>--rules DIR</c> forces one folder; true to decide by date over the rule-set versions (P10.2).</summary>
    public bool? Timeline { get; init; }
    public string? Db { get; init; }
    /// <summary>Where to listen; default <see cref="DefaultUrls"/>.</summary>
    public string? Urls { get; init; }

    public const string DefaultUrls = "http://127.0.0.1:5080";

    /// <summary>The settings as configuration keys, for the values given.</summary>
    public IEnumerable<KeyValuePair<string, string?>> ToConfiguration()
    {
        if (RulesDir is not null)
        {
            yield return new($"{RuleSetOptions.Section}:{nameof(RuleSetOptions.RulesDir)}", RulesDir);
        }
        if (TemplatesDir is not null)
        {
            yield return new($"{RuleSetOptions.Section}:{nameof(RuleSetOptions.TemplatesDir)}", TemplatesDir);
        }
        if (Timeline is { } timeline)
        {
            yield return new($"{RuleSetOptions.Section}:{nameof(RuleSetOptions.Timeline)}", timeline ? "true" : "false");
        }
        if (Db is not null)
        {
            yield return new($"{StoreOptions.Section}:{nameof(StoreOptions.Path)}", Db);
        }
    }
}
