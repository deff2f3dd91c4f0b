using System.Text;
using System.Text.Json;
using Decisioning.Input;
using Decisioning.Output;
using Decisioning.Pipeline;
using Decisioning.Rules;
using Decisioning.Rules.Letters;
using Decisioning.Rules.Versions;

namespace Decisioning.Host.Cli;

/// <summary>The one-shot commands: decide, check, decide-batch and validate-rules.</summary>
public sealed class Commands(CliOptions options, TextReader stdin, TextWriter stdout, TextWriter stderr)
{
    /// <summary>The clock that dates a letter (<c>decide --letter</c>); only the command line reads it.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Opens the grant ledger for <c>--db</c>; null means the empty ledger. The host sets it when a store exists.</summary>
    public Func<string, IGrantLedger>? OpenLedger { get; init; }

    public int ValidateRules()
    {
        var rules = options.Arguments.Count > 0 ? options.Arguments[0] : options.ResolveRules();
        var templates = options.TemplatesDir ?? (options.Arguments.Count > 0
            ? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(rules))!, "templates")
            : options.ResolveTemplates());
        try
        {
            // Without a folder named, every version of the timeline is validated (P10.2); a named folder is one rule set.
            using var timeline = RuleSetTimeline.Load(rules, templates, Time, forced: options.Arguments.Count > 0 || options.RulesDir is not null);
            var snapshot = timeline.InForce.Snapshot;
            stdout.WriteLine(JsonSerializer.Serialize(new
            {
                valid = true,
                version = snapshot.Version,
                hash = snapshot.Hash,
                files = snapshot.Source.Files.Select(f => f.Path),
                programmes = snapshot.Policy.Programmes.Keys,
                versions = timeline.Versions.Select(v => new
                {
                    version = v.Snapshot.Version,
                    effectiveFrom = v.Snapshot.EffectiveFrom,
                    state = RuleSetVersionStates.Word(timeline.StateOf(v)),
                    hash = v.Snapshot.Hash,
                    folder = v.Folder,
                }),
            }, DecisionJson.Indented));
            return ExitCodes.Ok;
        }
        catch (RuleSetException ex)
        {
            foreach (var e in ex.Errors)
            {
                stderr.WriteLine(e.ToString());
            }
            stdout.WriteLine(JsonSerializer.Serialize(new { valid = false, errors = ex.Errors.Select(e => new { file = e.File, rule = e.Rule, line = e.Line, message = e.Message }) }, DecisionJson.Indented));
            return ExitCodes.Failure;
        }
    }

    public int Decide(bool check)
    {
        if (options.Arguments.Count != 1)
        {
            stderr.WriteLine($"usage: decisioning {(check ? "check" : "decide")} FILE|-");
            return ExitCodes.BadInput;
        }
        using var timeline = LoadRules();
        if (timeline is null)
        {
            return ExitCodes.Failure;
        }
        byte[] bytes;
        try
        {
            bytes = ReadInput(options.Arguments[0]);
        }
        catch (IOException ex)
        {
            stderr.WriteLine($"cannot read {options.Arguments[0]}: {ex.Message}");
            return ExitCodes.BadInput;
        }
        catch (UnauthorizedAccessException ex)
        {
            stderr.WriteLine($"cannot read {options.Arguments[0]}: {ex.Message}");
            return ExitCodes.BadInput;
        }
        var (snapshot, input) = timeline.Read(bytes, requireProject: !check); // the version in force on its submittedOn (P10.2)
        if (!input.IsValid)
        {
            stderr.WriteLine(JsonSerializer.Serialize(new { errors = input.Errors }, DecisionJson.Indented));
            return ExitCodes.BadInput;
        }
        var ledger = Ledger();
        try
        {
            if (!check && options.Letter)
            {
                return WriteLetter(snapshot, input.Value!, ledger);
            }
            object result = check
                ? DecisionPipeline.Check(input.Value!, snapshot.Policy, ledger)
                : DecisionPipeline.Decide(input.Value!, snapshot.Policy, ledger);
            stdout.WriteLine(JsonSerializer.Serialize(result, result.GetType(), DecisionJson.Indented));
            return ExitCodes.Ok;
        }
        catch (RuleEvaluationException ex)
        {
            stderr.WriteLine($"no decision for {input.Value!.ApplicationId} under rule set {snapshot.Hash}: {ex.Message}");
            return ExitCodes.Failure;
        }
    }

    /// <summary>Decides and prints the decision letter (HTML) in <c>--lang</c>, dated today by <see cref="Time"/>.</summary>
    private int WriteLetter(RuleSetSnapshot snapshot, Decisioning.Model.Application application, IGrantLedger ledger)
    {
        var decision = DecisionPipeline.Decide(application, snapshot.Policy, ledger);
        var check = DecisionPipeline.Check(application, snapshot.Policy, ledger);
        var today = DateOnly.FromDateTime(Time.GetLocalNow().DateTime);
        try
        {
            stdout.Write(LetterRenderer.Render(snapshot, application, decision, options.Lang, today, check));
            return ExitCodes.Ok;
        }
        catch (LetterRenderException ex)
        {
            stderr.WriteLine($"no letter for {application.ApplicationId} under rule set {snapshot.Hash}: {ex.Message}");
            return ExitCodes.Failure;
        }
    }

    /// <summary>Reads JSON lines and writes one decision (or error) per line, streaming with constant memory.</summary>
    public int DecideBatch()
    {
        if (options.Arguments.Count != 1)
        {
            stderr.WriteLine("usage: decisioning decide-batch FILE|-");
            return ExitCodes.BadInput;
        }
        using var timeline = LoadRules();
        if (timeline is null)
        {
            return ExitCodes.Failure;
        }
        var ledger = Ledger();
        using var reader = options.Arguments[0] == "-" ? stdin : new StreamReader(options.Arguments[0], Encoding.UTF8);
        var bad = 0;
        var failed = 0;
        var lineNo = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNo++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }
            var (snapshot, input) = timeline.Read(Encoding.UTF8.GetBytes(line)); // by date (P10.2)
            if (!input.IsValid)
            {
                bad++;
                stdout.WriteLine(JsonSerializer.Serialize(new { line = lineNo, errors = input.Errors }, DecisionJson.Compact));
                continue;
            }
            try
            {
                stdout.WriteLine(JsonSerializer.Serialize(DecisionPipeline.Decide(input.Value!, snapshot.Policy, ledger), DecisionJson.Compact));
            }
            catch (RuleEvaluationException ex)
            {
                failed++;
                stdout.WriteLine(JsonSerializer.Serialize(new { line = lineNo, applicationId = input.Value!.ApplicationId, error = ex.Message }, DecisionJson.Compact));
            }
        }
        stdout.Flush();
        if (bad + failed > 0)
        {
            stderr.WriteLine($"{lineNo} lines: {bad} bad, {failed} not decided");
        }
        return failed > 0 ? ExitCodes.Failure : bad > 0 ? ExitCodes.BadInput : ExitCodes.Ok;
    }

    /// <summary>The rule-set versions (P10.2); <c>--rules DIR</c> forces that one folder for every date.</summary>
    private RuleSetTimeline? LoadRules()
    {
        try
        {
            return RuleSetTimeline.Load(options.ResolveRules(), options.ResolveTemplates(), Time, forced: options.RulesDir is not null);
        }
        catch (RuleSetException ex)
        {
            stderr.WriteLine(ex.Message);
            return null;
        }
    }

    private IGrantLedger Ledger() => options.Db is { } db && OpenLedger is { } open ? open(db) : EmptyLedger.Instance;

    private byte[] ReadInput(string path)
    {
        if (path != "-")
        {
            return File.ReadAllBytes(path);
        }
        return Encoding.UTF8.GetBytes(stdin.ReadToEnd());
    }
}
