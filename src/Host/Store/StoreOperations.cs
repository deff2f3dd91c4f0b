using System.Text;
using System.Text.Json;
using Decisioning.Rules;

namespace Decisioning.Host.Store;

/// <summary>The writes other than a final decision, each inside one transaction of whichever engine runs it.</summary>
internal static class StoreOperations
{
    /// <summary>Stores an application and its recommendation; the same body again is the stored one, another body a conflict.</summary>
    public static SubmitResult Submit(IStoreTransaction tx, StoredApplication application, RecommendationRecord recommendation, RuleSetSnapshot ruleSet)
    {
        if (tx.FindApplication(application.ApplicationId) is { } existing)
        {
            var stored = tx.FindRecommendation(application.ApplicationId)
                ?? throw new InvalidDataException($"The application {application.ApplicationId} is stored without its recommendation.");
            return new SubmitResult(SameJson(existing.Body, application.Body) ? SubmitStatus.AlreadyStored : SubmitStatus.ConflictingBody, stored);
        }
        StoreRuleSet(tx, ruleSet);
        tx.InsertCase(application, recommendation, CaseFacts.Of(application.Body, recommendation));
        return new SubmitResult(SubmitStatus.Created, recommendation);
    }

    /// <summary>Records that a rule set became active, storing its files the first time.</summary>
    public static bool Activate(IStoreTransaction tx, RuleSetSnapshot ruleSet)
    {
        StoreRuleSet(tx, ruleSet);
        tx.AuditActivation(ruleSet.Hash);
        return true;
    }

    /// <summary>Records a refused reload with every error (once per time and content).</summary>
    public static bool Refuse(IStoreTransaction tx, RuleSetReloadFailure failure)
    {
        var text = JsonSerializer.Serialize(new
        {
            at = StoreFormat.Time(failure.At),
            errors = failure.Errors.Select(e => new { file = e.File, rule = e.Rule, line = e.Line, message = e.Message }),
        });
        var id = StoreFormat.Time(failure.At) + " " + StoreFormat.Sha256(Encoding.UTF8.GetBytes(text));
        if (!tx.HasRuleSetRefusal(id))
        {
            tx.InsertRuleSetRefusal(id, text);
        }
        return true;
    }

    /// <summary>True when two application bodies are the same JSON (same bytes, or the same values laid out differently).</summary>
    public static bool SameJson(byte[] a, byte[] b)
    {
        if (a.AsSpan().SequenceEqual(b))
        {
            return true;
        }
        try
        {
            using var x = JsonDocument.Parse(a);
            using var y = JsonDocument.Parse(b);
            return JsonElement.DeepEquals(x.RootElement, y.RootElement);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static void StoreRuleSet(IStoreTransaction tx, RuleSetSnapshot ruleSet)
    {
        if (!tx.HasRuleSet(ruleSet.Hash))
        {
            tx.InsertRuleSet(new StoredRuleSet { Hash = ruleSet.Hash, Version = ruleSet.Version, Files = ruleSet.Source.Files, StoredAt = tx.Now });
        }
    }
}
