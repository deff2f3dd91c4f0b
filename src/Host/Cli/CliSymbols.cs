using System.CommandLine;

namespace Decisioning.Host.Cli;

/// <summary>
/// The options and arguments of the command line, made once per parse. A command adds the ones that apply to it;
/// any other is refused as unknown on that command.
/// </summary>
public sealed class CliSymbols
{
    public Option<string?> Rules { get; } = LastWins("--rules", "The rule-set folder (default: rules/ beside the program, else ./rules)", "DIR");

    public Option<string?> Templates { get; } = LastWins("--templates", "The letter-templates folder (default: templates/, found the same way)", "DIR");

    public Option<string?> Db { get; } = LastWins("--db", "The case store (LiteDB file)", "FILE");

    public Option<string?> Lang { get; } = CreateLang();

    public Option<bool> Letter { get; } = new("--letter") { Description = "Print the decision letter (HTML) instead of the decision JSON" };

    public Option<bool> NoFacts { get; } = new("--no-facts") { Description = "Leave each decision's facts block (the letter's evidence) out of the output lines" };

    public Option<string?> Urls { get; } = LastWins("--urls", "Where to listen (default http://127.0.0.1:5080)", "URL");

    public Option<string?> From { get; } = LastWins("--from", "The store to copy: litedb:FILE or postgres:CONNECTION", "STORE");

    public Option<string?> To { get; } = LastWins("--to", "The store to copy into: litedb:FILE or postgres:CONNECTION", "STORE");

    public Argument<string> File { get; } = new("FILE") { Description = "The application (JSON); - reads standard input" };

    public Argument<string> Lines { get; } = new("FILE") { Description = "Applications as JSON lines, one per line; - reads standard input" };

    public Argument<string?> RulesFolder { get; } = new("DIR") { Description = "The rule-set folder to validate (default: --rules, else rules/)", Arity = ArgumentArity.ZeroOrOne };

    public Argument<string> ApplicationId { get; } = new("ID") { Description = "The stored application's id" };

    /// <summary>The options that may be written before the command (the contract accepts them before or after it).</summary>
    public IEnumerable<Option> Common => [Rules, Templates, Db];

    /// <summary>Every option, for naming the commands an option belongs to when it is given to another one.</summary>
    public IEnumerable<Option> All => [Rules, Templates, Db, Lang, Letter, NoFacts, Urls, From, To];

    /// <summary>An option with one value; given twice, the later one counts (a script can override an earlier one).</summary>
    private static Option<string?> LastWins(string name, string description, string helpName) => new(name)
    {
        Description = description,
        HelpName = helpName,
        Arity = ArgumentArity.OneOrMore,
        AllowMultipleArgumentsPerToken = false,
        CustomParser = result => result.Tokens.Count > 0 ? result.Tokens[^1].Value : null,
    };

    private static Option<string?> CreateLang()
    {
        var lang = LastWins("--lang", "The letter's language", "da|en");
        lang.AcceptOnlyFromAmong("da", "en");
        return lang;
    }
}
