namespace Decisioning.Host.Hosting;

/// <summary>Configuration section <c>RuleSet</c>: the folders the active rule set is loaded from (<c>--rules</c>, <c>--templates</c>).</summary>
public sealed record RuleSetOptions
{
    public const string Section = "RuleSet";

    public string RulesDir { get; init; } = "rules";

    public string? TemplatesDir { get; init; }

    /// <summary>
    /// True: the rules folder and the versions under its <c>versions/</c> folder decide by date (P10.2). False when one
    /// folder is forced (<c>--rules DIR</c>): it decides every application.
    /// </summary>
    public bool Timeline { get; init; } = true;

    /// <summary>Watch the folders and reload on change (off in some tests).</summary>
    public bool Watch { get; init; } = true;

    /// <summary>How long file events must be quiet before a reload.</summary>
    public int DebounceMilliseconds { get; init; } = 300;

    /// <summary>How often the folders are polled, for changes the file events miss.</summary>
    public int PollMilliseconds { get; init; } = 2000;
}
