namespace Decisioning.Host.Store;

/// <summary>Which cases a list page shows: status, a search term, the order and the page (1-based).</summary>
public sealed record CaseQuery
{
    /// <summary>The most cases one page holds.</summary>
    public const int MaxPageSize = 200;

    public CaseStatusFilter Status { get; init; } = CaseStatusFilter.All;
    /// <summary>An application id or CVR (exact), or the start of a company name (any case); null or empty for all.</summary>
    public string? Search { get; init; }

    /// <summary>Only cases with this recommended outcome (the growth panel's own cases, P8.2), or every case when null.</summary>
    public string? RecommendedOutcome { get; init; }

    /// <summary>Every case but those with this recommended outcome (the committee's queue without the growth panel's), or none left out when null.</summary>
    public string? ExcludedOutcome { get; init; }
    public CaseSort Sort { get; init; } = CaseSort.Newest;
    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = 50;

    /// <summary>How many cases to skip.</summary>
    public int Offset => (Math.Max(1, Page) - 1) * Math.Clamp(PageSize, 1, MaxPageSize);

    /// <summary>The page size within bounds.</summary>
    public int Limit => Math.Clamp(PageSize, 1, MaxPageSize);
}
