namespace Decisioning.Host.Store;

/// <summary>
/// The part of <see cref="StoreCopy"/> after the grant: each milestone, release and follow-up is inserted again at its
/// audit entry (same key, kind and text, so the same record hash), and the derived grant facts and report sums, which
/// the copied final decisions do not rebuild, are copied as they are at the end.
/// </summary>
internal static class AfterGrantCopy
{
    private const int Chunk = 1000;

    /// <summary>True for the audit kinds written after the grant.</summary>
    public static bool Copies(string kind) => kind is AfterGrantKeys.MilestoneReached or AfterGrantKeys.TrancheReleased or AfterGrantKeys.FollowUpRecorded;

    public static Task CopyAsync(ICaseStore from, ICopyableStore target, AuditEntry entry)
    {
        var text = from.FindAfterGrantRecord(entry.Key)
            ?? throw new InvalidOperationException($"Audit entry {entry.Sequence} names the record {entry.Key}, which the source lacks.");
        return target.WriteAsync(tx =>
        {
            tx.InsertAfterGrant(entry.Key, entry.Kind, text);
            return true;
        });
    }

    public static async Task CopyDerivedAsync(ICaseStore from, ICopyableStore target)
    {
        foreach (var chunk in from.EveryGrantFacts().Chunk(Chunk))
        {
            await target.WriteAsync(tx =>
            {
                foreach (var facts in chunk)
                {
                    var openDue = facts.FollowUpOn is null ? facts.FollowUpDue?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : null;
                    tx.SaveGrantFacts(facts.ApplicationId, openDue, AfterGrantJson.Write(facts));
                }
                return true;
            });
        }
        var buckets = from.ReportBuckets();
        var days = buckets.Select(b => b.Programme).Distinct().SelectMany(p => from.DueDays(p, DateOnly.MinValue, DateOnly.MaxValue)).ToList();
        await target.WriteAsync(tx =>
        {
            foreach (var b in buckets)
            {
                tx.SaveReportBucket($"{b.Programme}|{b.Activity}|{b.Month}", AfterGrantJson.Write(b));
            }
            foreach (var d in days)
            {
                tx.SaveDueDay($"{d.Programme}|{d.Month}|{d.Activity}", AfterGrantJson.Write(d));
            }
            return true;
        });
    }
}
