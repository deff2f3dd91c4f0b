using System.Text.Json;
using System.Text.Json.Nodes;
using Decisioning.Host.Store;
using Decisioning.Input;
using Decisioning.Output;
using Decisioning.Pipeline;
using Decisioning.Rules;

namespace Decisioning.Host.Replay;

/// <summary>
/// Decides a stored application again (P10.1): with its raw body as received, the grant ledger as the recommendation
/// saw it, and either the stored rule set it was decided with or another one.
/// </summary>
public static class Replayer
{
    /// <summary>The paths left out of <see cref="ReplayReport.Changes"/>: they differ whenever the rule set does.</summary>
    private static readonly HashSet<string> Ignored = ["$.decisionId", "$.ruleSet"];

    /// <summary>Replays; throws <see cref="ReplayException"/> when the case or its rule set cannot be found, read or compiled.</summary>
    public static ReplayReport Replay(ICaseStore store, string applicationId, RuleSetSnapshot? other = null)
    {
        var recommendation = store.FindRecommendation(applicationId) ?? throw new ReplayException($"No application with the id '{applicationId}' is stored.", badInput: true);
        var application = store.FindApplication(applicationId)!;
        var snapshot = other ?? StoredSnapshot(store, recommendation.RuleSetHash);
        var input = ApplicationReader.Read(application.Body, snapshot.Policy);
        if (!input.IsValid)
        {
            throw new ReplayException($"The stored application cannot be read under rule set {snapshot.Version} ({snapshot.Hash}): "
                + string.Join("; ", input.Errors.Select(e => $"{e.Path} {e.Message}")));
        }
        var ledger = store.Ledger.AsOf(recommendation.LedgerVersion);
        Decision replayed;
        try
        {
            replayed = DecisionPipeline.Decide(input.Value!, snapshot.Policy, ledger);
        }
        catch (RuleEvaluationException ex)
        {
            throw new ReplayException($"No decision under rule set {snapshot.Hash}: {ex.Message}");
        }
        var stored = recommendation.Decision;
        var storedJson = JsonSerializer.SerializeToNode(stored, DecisionJson.Compact)!;
        var replayedJson = JsonSerializer.SerializeToNode(replayed, DecisionJson.Compact)!;
        var changes = new List<DecisionChange>();
        Diff("$", storedJson, replayedJson, changes);
        return new ReplayReport
        {
            ApplicationId = applicationId,
            StoredRuleSet = stored.RuleSet,
            ReplayRuleSet = replayed.RuleSet,
            Identical = JsonNode.DeepEquals(storedJson, replayedJson),
            Stored = ReplaySummary.Of(stored),
            Replayed = ReplaySummary.Of(replayed),
            Changes = changes,
        };
    }

    private static RuleSetSnapshot StoredSnapshot(ICaseStore store, string hash)
    {
        var stored = store.FindRuleSet(hash) ?? throw new ReplayException($"The rule set {hash} the decision was made under is not in the store.");
        try
        {
            var snapshot = RuleSetLoader.Compile(stored.ToSource());
            return snapshot.Hash == hash ? snapshot
                : throw new ReplayException($"The stored rule set {hash} has changed: its files hash to {snapshot.Hash}.");
        }
        catch (RuleSetException ex)
        {
            throw new ReplayException($"The stored rule set {hash} no longer compiles: {ex.Message}");
        }
    }

    private static void Diff(string path, JsonNode? a, JsonNode? b, List<DecisionChange> changes)
    {
        if (Ignored.Contains(path) || path.EndsWith(".message", StringComparison.Ordinal))
        {
            return;
        }
        switch (a, b)
        {
            case (JsonObject x, JsonObject y):
                foreach (var key in x.Select(p => p.Key).Union(y.Select(p => p.Key)))
                {
                    Diff($"{path}.{key}", x[key], y[key], changes);
                }
                break;
            case (JsonArray x, JsonArray y) when x.Count == y.Count:
                for (var i = 0; i < x.Count; i++)
                {
                    Diff($"{path}[{i}]", x[i], y[i], changes);
                }
                break;
            default:
                if (!JsonNode.DeepEquals(a, b))
                {
                    changes.Add(new DecisionChange(path, a?.ToJsonString(DecisionJson.Compact), b?.ToJsonString(DecisionJson.Compact)));
                }
                break;
        }
    }
}
