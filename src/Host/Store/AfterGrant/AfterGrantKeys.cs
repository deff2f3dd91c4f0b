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

    public static string Milestone(string applicationId, int milestone) => $"{applicationId}/milestone/{milestone}";

    public static string Release(string applicationId, int milestone) => $"{applicationId}/release/{milestone}";

    public static string FollowUp(string applicationId) => $"{applicationId}/follow-up";
}
