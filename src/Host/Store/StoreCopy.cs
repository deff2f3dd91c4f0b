namespace Decisioning.Host.Store;

/// <summary>
/// Copies a case store into an empty one, on any engines: it walks the source's audit trail in order and inserts each
/// record again, in its own transaction, at the time of its entry. The target therefore computes the same entries
/// (same numbers, times, kinds and records, chained with the target's own audit key), rebuilds its ledger and case
/// list as it goes, and is verified afterwards: its trail must be valid and hold the source's entries one for one.
/// </summary>
internal static class StoreCopy
{
    /// <summary>The source's and the target's audit reports after the copy; throws <see cref="InvalidOperationException"/> when the source is broken or the target not empty.</summary>
    public static async Task<(AuditReport Source, AuditReport Target)> CopyAsync(ICaseStore from, ICaseStore to, CopyClock clock)
    {
        var source = from.VerifyAudit();
        if (!source.Valid)
        {
            throw new InvalidOperationException($"The source's audit trail is broken at entry {source.FirstBroken!.Sequence}: {source.FirstBroken.Problem}. Nothing was copied.");
        }
        var reader = (ICopyableStore)from;
        var target = (ICopyableStore)to;
        if (target.AuditSource.Entries().Any())
        {
            throw new InvalidOperationException("The target store is not empty. Nothing was copied.");
        }
        // read the whole trail first: a LiteDB query must not stay open across the awaits below (they resume on other threads)
        foreach (var read in reader.AuditSource.Entries().ToList())
        {
            var e = read.Entry!;
            clock.Now = e.At;
            switch (e.Kind)
            {
                case AuditKinds.ApplicationReceived:
                    var application = from.FindApplication(e.Key)!;
                    var recommendation = from.FindRecommendation(e.Key)!;
                    await target.WriteAsync(tx => Do(() => tx.InsertCase(application, recommendation, CaseFacts.Of(application.Body, recommendation))));
                    break;
                case AuditKinds.Recommendation:
                    break; // inserted with its application, in the same transaction as at the source
                case AuditKinds.FinalDecision:
                    var final = from.FindFinalDecision(e.Key)!;
                    await target.WriteAsync(tx => Do(() => tx.InsertFinalDecision(final)));
                    break;
                case AuditKinds.RuleSetStored:
                    var ruleSet = from.FindRuleSet(e.Key)!;
                    await target.WriteAsync(tx => Do(() => tx.InsertRuleSet(ruleSet)));
                    break;
                case AuditKinds.RuleSetRefused:
                    var refusal = reader.RefusalRecord(e.Key)!;
                    await target.WriteAsync(tx => Do(() => tx.InsertRuleSetRefusal(e.Key, refusal)));
                    break;
                case AuditKinds.RuleSetActivated:
                    await target.WriteAsync(tx => Do(() => tx.AuditActivation(e.Key)));
                    break;
                case var kind when AfterGrantCopy.Copies(kind):
                    await AfterGrantCopy.CopyAsync(from, target, e);
                    break;
                default:
                    throw new InvalidOperationException($"Audit entry {e.Sequence} has a kind this version does not know: '{e.Kind}'.");
            }
        }
        await AfterGrantCopy.CopyDerivedAsync(from, target);
        return (source, to.VerifyAudit());
    }

    /// <summary>The first entry where the copy's trail differs from the source's (number, time, kind, record), or null when none does.</summary>
    public static string? Compare(ICaseStore from, ICaseStore to)
    {
        using var a = ((ICopyableStore)from).AuditSource.Entries().GetEnumerator();
        using var b = ((ICopyableStore)to).AuditSource.Entries().GetEnumerator();
        while (true)
        {
            var more = a.MoveNext();
            if (more != b.MoveNext())
            {
                return more ? "the copy has fewer audit entries than the source" : "the copy has more audit entries than the source";
            }
            if (!more)
            {
                return null;
            }
            var (x, y) = (a.Current.Entry!, b.Current.Entry!);
            if ((x.Sequence, x.At, x.Kind, x.Collection, x.Key) != (y.Sequence, y.At, y.Kind, y.Collection, y.Key))
            {
                return $"audit entry {x.Sequence} ({x.Kind} {x.Collection}/{x.Key}) differs in the copy ({y.Sequence} {y.Kind} {y.Collection}/{y.Key})";
            }
        }
    }

    private static bool Do(Action insert)
    {
        insert();
        return true;
    }
}
