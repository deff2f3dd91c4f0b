using System.CommandLine;

namespace Decisioning.Host.Cli;

/// <summary>The parsed command line: the command, its arguments and its options.</summary>
public sealed record CliOptions
{
    public string? Command { get; init; }
    public IReadOnlyList<string> Arguments { get; init; } = [];
    public string? RulesDir { get; init; }
    public string? TemplatesDir { get; init; }
    public string? Db { get; init; }
    public string Lang { get; init; } = "da";
    public bool Letter { get; init; }
    /// <summary><c>decide-batch --no-facts</c>: decisions written without their <c>facts</c> block.</summary>
    public bool NoFacts { get; init; }
    public string? Urls { get; init; }
    /// <summary><c>store copy</c>: the store to copy from and to (<c>litedb:FILE</c> or <c>postgres:CONNECTION</c>).</summary>
    public string? From { get; init; }
    public string? To { get; init; }
    public IReadOnlyList<string> Errors { get; init; } = [];

    /// <summary>Parses the arguments as <see cref="CommandLine"/> does; parse errors are in <see cref="Errors"/>.</summary>
    public static CliOptions Parse(IReadOnlyList<string> args)
    {
        var symbols = new CliSymbols();
        var root = CommandTree.Build(symbols, (_, _, _) => Task.FromResult(0));
        var result = root.Parse(CommandLine.CommonOptionsLast(args, symbols));
        return Of(result, symbols) with { Errors = result.Errors.Select(e => e.Message).ToList() };
    }

    /// <summary>The options of a parse result.</summary>
    public static CliOptions Of(ParseResult result, CliSymbols s)
    {
        var command = result.CommandResult.Command;
        var arguments = command.Arguments.SelectMany(a => result.GetResult(a)?.Tokens.Select(t => t.Value) ?? []).ToList();
        return new CliOptions
        {
            Command = command is RootCommand ? null : command.Parents.OfType<Command>().FirstOrDefault(p => p is not RootCommand)?.Name ?? command.Name,
            // A subcommand (audit verify, store copy) is the command's first argument, as the handlers expect.
            Arguments = command.Parents.OfType<Command>().Any(p => p is not RootCommand) ? [command.Name, .. arguments] : arguments,
            RulesDir = result.GetValue(s.Rules),
            TemplatesDir = result.GetValue(s.Templates),
            Db = result.GetValue(s.Db),
            Lang = result.GetValue(s.Lang) ?? "da",
            Letter = result.GetValue(s.Letter),
            NoFacts = result.GetValue(s.NoFacts),
            Urls = result.GetValue(s.Urls),
            From = result.GetValue(s.From),
            To = result.GetValue(s.To),
        };
    }

    /// <summary>The rules folder: the option, else <c>rules/</c> beside the program, else <c>./rules</c>.</summary>
    public string ResolveRules() => RulesDir ?? Beside("rules");

    /// <summary>The templates folder, found the same way.</summary>
    public string ResolveTemplates() => TemplatesDir ?? Beside("templates");

    /// <summary>Where <see cref="ResolveRules"/> looked, for an error that names them.</summary>
    public IReadOnlyList<string> RulesCandidates() => RulesDir is { } dir
        ? [Path.GetFullPath(dir)]
        : [Path.Combine(AppContext.BaseDirectory, "rules"), Path.GetFullPath("rules")];

    private static string Beside(string name)
    {
        var beside = Path.Combine(AppContext.BaseDirectory, name);
        return Directory.Exists(beside) ? beside : Path.GetFullPath(name);
    }
}
