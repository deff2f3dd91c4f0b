namespace Decisioning.Host.Store;

/// <summary>One page of a case list, and whether another page follows.</summary>
public sealed record CasePage(IReadOnlyList<CaseSummary> Cases, int Page, bool HasMore);
