using System.Text.Json;
using Decisioning.Host.Hosting;
using Decisioning.Host.Replay;
using Decisioning.Host.Store;
using Decisioning.Output;
using Decisioning.Pipeline;
using Decisioning.Rules;

namespace Decisioning.Host.Cli;

/// <summary>The commands on an existing case store: <c>audit verify</c>, <c>redecide</c>, and the ledger for <c>decide</c>/<c>check</c> with <c>--db</c>.</summary>
public sealed class StoreCommands(CliOptions options, TextWriter stdout, TextWriter stderr)
{
    /// <summary>The grant ledger of an existing store; the store stays open while the command runs (the ledger reads it by index).</summary>
    public static IGrantLedger ReadLedger(string db) => CaseStores.OpenAddress(db).Ledger;

    /// <summary><c>audit verify</c>: 0 when the chain holds, 1 naming the first broken entry.</summary>
    public int Audit()
    {
        if (options.Arguments is not ["verify"])
        {
            stderr.WriteLine("usage: decisioning audit verify --db FILE");
            return ExitCodes.BadInput;
        }
        return WithStore(store =>
        {
            var report = store.VerifyAudit();
            stdout.WriteLine(JsonSerializer.Serialize(report, DecisionJson.Indented));
            if (report.FirstBroken is { } broken)
            {
                stderr.WriteLine(broken.Sequence > 0
                    ? $"audit entry {broken.Sequence} ({broken.Kind} {broken.Collection}/{broken.Key}) is broken: {broken.Problem}"
                    : $"{broken.Collection}/{broken.Key}: {broken.Problem}");
                return ExitCodes.Failure;
            }
            return ExitCodes.Ok;
        });
    }

    /// <summary>
    /// <c>redecide ID</c>: under the stored rule set, 0 when the decision is identical and 1 when not; with
    /// <c>--rules DIR</c>, under that rule set, 0 and what changed. 2 for an unknown id.
    /// </summary>
    public int Redecide()
    {
        if (options.Arguments.Count != 1)
        {
            stderr.WriteLine("usage: decisioning redecide ID --db FILE [--rules DIR]");
            return ExitCodes.BadInput;
        }
        RuleSetSnapshot? other = null;
        if (options.RulesDir is { } rules)
        {
            var templates = options.TemplatesDir ?? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(rules))!, "templates");
            try
            {
                other = RuleSetLoader.Load(rules, templates);
            }
            catch (RuleSetException ex)
            {
                stderr.WriteLine(ex.Message);
                return ExitCodes.Failure;
            }
        }
        return WithStore(store =>
        {
            ReplayReport report;
            try
            {
                report = Replayer.Replay(store, options.Arguments[0], other);
            }
            catch (ReplayException ex)
            {
                stderr.WriteLine(ex.Message);
                return ex.BadInput ? ExitCodes.BadInput : ExitCodes.Failure;
            }
            stdout.WriteLine(JsonSerializer.Serialize(report, DecisionJson.Indented));
            if (other is null && !report.Identical)
            {
                stderr.WriteLine($"{report.ApplicationId}: the replay under the stored rule set {report.StoredRuleSet.Hash} differs from the stored decision");
                return ExitCodes.Failure;
            }
            return ExitCodes.Ok;
        });
    }

    /// <summary>
    /// <c>store copy --from ADDRESS --to ADDRESS</c> (<c>litedb:FILE</c> or <c>postgres:CONNECTION-STRING</c>): copies every
    /// record and the audit trail into an empty store and verifies the copy. 0 when the copy verifies with the source's
    /// head, 1 when it cannot be made or does not verify, 2 for a bad command line.
    /// </summary>
    public static int Copy(string? from, string? to, TextWriter stdout, TextWriter stderr)
    {
        if (string.IsNullOrEmpty(from) || string.IsNullOrEmpty(to))
        {
            stderr.WriteLine("usage: decisioning store copy --from litedb:FILE|postgres:CONNECTION --to litedb:FILE|postgres:CONNECTION");
            return ExitCodes.BadInput;
        }
        try
        {
            var clock = new CopyClock();
            using var source = CaseStores.OpenAddress(from);
            using var target = CaseStores.OpenAddress(to, create: true, time: clock);
            var (read, written) = StoreCopy.CopyAsync(source, target, clock).GetAwaiter().GetResult();
            stdout.WriteLine(JsonSerializer.Serialize(new { from = source.Location, to = target.Location, source = read, copy = written }, DecisionJson.Indented));
            var difference = written.Valid ? StoreCopy.Compare(source, target) : written.FirstBroken!.Problem;
            if (difference is not null)
            {
                stderr.WriteLine($"the copy does not verify: {difference}");
                return ExitCodes.Failure;
            }
            stderr.WriteLine($"copied {read.Entries} audit entries from {source.Location} to {target.Location}; the copy verifies entry for entry");
            return ExitCodes.Ok;
        }
        catch (Exception ex) when (ex is StoreOpenException or InvalidOperationException or StoreUnavailableException)
        {
            stderr.WriteLine(ex.Message);
            return ExitCodes.Failure;
        }
    }

    private int WithStore(Func<ICaseStore, int> command)
    {
        try
        {
            using var store = CaseStores.OpenAddress(options.Db ?? new StoreOptions().Path);
            return command(store);
        }
        catch (StoreOpenException ex)
        {
            stderr.WriteLine(ex.Message);
            return ExitCodes.Failure;
        }
    }
}
