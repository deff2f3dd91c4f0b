using System.CommandLine;

namespace Decisioning.Host.Cli;

/// <summary>
/// The commands of <c>decisioning</c>, each with only the options that apply to it, its help text and its handler.
/// A handler receives the parsed <see cref="CliOptions"/>; <see cref="CommandLine"/> provides the handlers.
/// </summary>
public static class CommandTree
{
    /// <summary>What a command does once parsed: its name, the options and the cancellation of the process.</summary>
    public delegate Task<int> Handler(string command, CliOptions options, CancellationToken cancellation);

    /// <summary>Builds the root command and every subcommand.</summary>
    public static RootCommand Build(CliSymbols s, Handler run)
    {
        var root = new RootCommand("Recommended decisions for the growth-house programmes: decide, check, batch, validate rules, serve.");
        root.Add(Decide(s, run));
        root.Add(Check(s, run));
        root.Add(DecideBatch(s, run));
        root.Add(ValidateRules(s, run));
        root.Add(Serve(s, run));
        root.Add(Audit(s, run));
        root.Add(Redecide(s, run));
        root.Add(Store(s, run));
        return root;
    }

    private static Command Decide(CliSymbols s, Handler run) =>
        With(new Command("decide", "The recommended decision for one application (exit 0 decided, 2 bad input, 1 no decision)."),
            s, run, [s.File], [s.Rules, s.Templates, s.Db, s.Letter, s.Lang]);

    private static Command Check(CliSymbols s, Handler run) =>
        With(new Command("check", "The eligibility check: target group, level and every activity's offer."),
            s, run, [s.File], [s.Rules, s.Templates, s.Db]);

    private static Command DecideBatch(CliSymbols s, Handler run) =>
        With(new Command("decide-batch", "One decision per JSON line, in input order, on every core; a bad line is reported in its place."),
            s, run, [s.Lines], [s.Rules, s.Templates, s.Db, s.NoFacts]);

    private static Command ValidateRules(CliSymbols s, Handler run) =>
        With(new Command("validate-rules", "Load, compile and trial-run a rule set and its letter templates (exit 1 if invalid)."),
            s, run, [s.RulesFolder], [s.Rules, s.Templates]);

    private static Command Serve(CliSymbols s, Handler run) =>
        With(new Command("serve", "The HTTP API and web pages, reloading rules/ and templates/ on change."),
            s, run, [], [s.Rules, s.Templates, s.Db, s.Urls]);

    private static Command Audit(CliSymbols s, Handler run)
    {
        var audit = new Command("audit", "The case store's hash-chained audit trail.");
        audit.Add(With(new Command("verify", "Check the audit trail (exit 1 naming the first broken entry)."), s, run, [], [s.Db], name: "audit"));
        return audit;
    }

    private static Command Store(CliSymbols s, Handler run)
    {
        var store = new Command("store", "The case store itself.");
        store.Add(With(new Command("copy", "Copy a case store (LiteDB or PostgreSQL) into another and verify the copy."), s, run, [], [s.From, s.To], name: "store"));
        return store;
    }

    private static Command Redecide(CliSymbols s, Handler run) =>
        With(new Command("redecide", "Decide a stored application again and compare (with --rules: under that rule set)."),
            s, run, [s.ApplicationId], [s.Db, s.Rules, s.Templates]);

    private static Command With(Command command, CliSymbols s, Handler run, Argument[] arguments, Option[] options, string? name = null)
    {
        foreach (var a in arguments)
        {
            command.Add(a);
        }
        foreach (var o in options)
        {
            command.Add(o);
        }
        var commandName = name ?? command.Name;
        command.SetAction((result, cancellation) => run(commandName, CliOptions.Of(result, s), cancellation));
        return command;
    }
}
