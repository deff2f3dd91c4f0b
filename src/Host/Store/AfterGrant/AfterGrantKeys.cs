namespace Decisioning.Host.Store;

/// <summary>
/// Keys and audit kinds of the records after the grant, all in the audited collection <see cref="Collection"/>
/// (application ids never contain '/').
/// </summary>
public static class AfterGrantKeys
{
    public const string Collection = "afterGrant";
    public const string MilestoneReached = "milestone-reached";
    public const string TrancheReleased = "tranche-released";
    public const string FollowUpRecorded = "follow-up";

    /// <summary>
    /// The hash a keyed audit entry holds for a record after the grant: over its kind, key and text, each with its length
    /// first (as <see cref="RecordHashes"/> does for the other records), the same on every engine.
    /// </summary>
    public static string RecordHash(string key, string record)
    {
        var text = new System.Text.StringBuilder();
        foreach (var field in new[] { "after-grant", key, record })
        {
            text.Append(field.Length).Append(':').Append(field).Append('\n');
        }
        return StoreFormat.Sha256(System.Text.Encoding.UTF8.GetBytes(text.ToString()));
    }

    public static string Milestone(string applicationId, int milestone) => $"{applicationId}/milestone/{milestone}";

    public static string Release(string applicationId, int milestone) => $"{applicationId}/release/{milestone}";

    public static string FollowUp(string applicationId) => $"{applicationId}/follow-up";
}
