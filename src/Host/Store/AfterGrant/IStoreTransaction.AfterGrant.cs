namespace Decisioning.Host.Store;

/// <summary>The records after the grant inside one transaction (see <see cref="AfterGrantOperations"/>).</summary>
internal partial interface IStoreTransaction
{
    /// <summary>An audited record after the grant (milestone, release, follow-up) as stored text, or null.</summary>
    string? FindAfterGrant(string key);

    /// <summary>Inserts an audited record after the grant with its audit entry.</summary>
    void InsertAfterGrant(string key, string kind, string record);

    /// <summary>The grant facts of an application as stored text, or null.</summary>
    string? FindGrantFacts(string applicationId);

    /// <summary>Inserts or replaces the grant facts; <paramref name="openDue"/> (<c>yyyy-MM-dd</c>) while the follow-up is still to be held, else null.</summary>
    void SaveGrantFacts(string applicationId, string? openDue, string record);

    /// <summary>A report bucket as stored text, or null.</summary>
    string? FindReportBucket(string key);

    /// <summary>Inserts or replaces a report bucket.</summary>
    void SaveReportBucket(string key, string record);

    /// <summary>A day's follow-ups due (and done) of one activity as stored text, or null (key from <see cref="ReportBucket.DayKeyOf"/>).</summary>
    string? FindDueDay(string key);

    /// <summary>Inserts or replaces a day's follow-ups due.</summary>
    void SaveDueDay(string key, string record);
}
