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

    /// <summary>True when standard error is a terminal: <c>decide-batch</c> then keeps a progress line there.</summary>
    public bool ShowProgress { get; init; }

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
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine(Directory.Exists(rules)
                ? $"cannot read the rule set in {Path.GetFullPath(rules)}: {ex.Message} (is there a socket, device or unreadable file in it?)"
                : $"No rule set at {Path.GetFullPath(rules)}: {ex.Message}. Give the folder as validate-rules DIR or with --rules DIR.");
            return ExitCodes.Failure;
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
        if (InputPaths.Problem(options.Arguments[0]) is { } problem)
        {
            stderr.WriteLine(problem);
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
            stderr.WriteLine($"cannot read {options.Arguments[0]}: {ex.Message} (a socket or device is not an application file)");
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

    /// <summary>
    /// Reads JSON lines and writes one decision (or error) per line in input order, on every core, with flat memory;
    /// each line under the rule-set version in force on its <c>submittedOn</c> (P10.2).
    /// </summary>
    public int DecideBatch()
    {
        if (options.Arguments.Count != 1)
        {
            stderr.WriteLine("usage: decisioning decide-batch FILE|-");
            return ExitCodes.BadInput;
        }
        var path = options.Arguments[0];
        if (InputPaths.Problem(path) is { } problem)
        {
            stderr.WriteLine(problem);
            return ExitCodes.BadInput;
        }
        using var timeline = LoadRules();
        if (timeline is null)
        {
            return ExitCodes.Failure;
        }
        var batch = new DecisionBatch(json =>
        {
            var (snapshot, input) = timeline.Read(json); // the version in force on its submittedOn (P10.2)
            return (snapshot.Policy, input);
        }, Ledger())
        {
            WithoutFacts = options.NoFacts,
            Progress = ShowProgress ? p => stderr.Write("\r" + p.Describe() + "   ") : null,
        };
        BatchSummary summary;
        try
        {
            using var input = path == "-" ? StandardInput() : new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
            summary = RunBatch(batch, input);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"cannot read {path}: {ex.Message}");
            return ExitCodes.BadInput;
        }
        if (ShowProgress)
        {
            stderr.WriteLine();
        }
        if (summary.Bad + summary.Failed > 0)
        {
            stderr.WriteLine($"{summary.Lines} lines: {summary.Bad} bad, {summary.Failed} not decided");
        }
        return summary.Failed > 0 ? ExitCodes.Failure : summary.Bad > 0 ? ExitCodes.BadInput : ExitCodes.Ok;
    }

    /// <summary>Runs the batch straight to standard output's stream when it has one, else through the text writer (tests).</summary>
    private BatchSummary RunBatch(DecisionBatch batch, Stream input)
    {
        if (stdout is StreamWriter { BaseStream: var stream } writer)
        {
            writer.Flush();
            // Not disposed: that would close standard output; Run flushes it.
            var buffered = new BufferedStream(stream, 1 << 16);
            return batch.Run(input, buffered);
        }
        using var memory = new MemoryStream();
        var summary = batch.Run(input, memory);
        stdout.Write(Encoding.UTF8.GetString(memory.GetBuffer(), 0, (int)memory.Length));
        return summary;
    }

    /// <summary>Standard input as bytes: the stream under the reader when there is one, else the reader's text encoded (tests).</summary>
    private Stream StandardInput() => stdin is StreamReader { BaseStream: var stream } ? stream : new MemoryStream(Encoding.UTF8.GetBytes(stdin.ReadToEnd()));

    /// <summary>The rule-set versions (P10.2); <c>--rules DIR</c> forces that one folder for every date.</summary>
    private RuleSetTimeline? LoadRules()
    {
        var rules = options.ResolveRules();
        if (!Directory.Exists(rules))
        {
            stderr.WriteLine(File.Exists(rules)
                ? $"--rules {rules} is a file; give the rule-set folder (the one holding programmes/ and framework/)."
                : $"No rule set found: looked for {string.Join(" and ", options.RulesCandidates())}. Give the folder with --rules DIR.");
            return null;
        }
        try
        {
            return RuleSetTimeline.Load(rules, options.ResolveTemplates(), Time, forced: options.RulesDir is not null);
        }
        catch (RuleSetException ex)
        {
            stderr.WriteLine(ex.Message);
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"cannot read the rule set in {Path.GetFullPath(rules)}: {ex.Message} (is there a socket, device or unreadable file in it?)");
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
