namespace Decisioning.Host.Hosting;

/// <summary>What the command line says about <c>serve</c>: each value, when given, overrides configuration.</summary>
public sealed record ServeSettings
{
    public string? RulesDir { get; init; }
    public string? TemplatesDir { get; init; }
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
        if (Db is not null)
        {
            yield return new($"{StoreOptions.Section}:{nameof(StoreOptions.Path)}", Db);
        }
    }
}
