using Decisioning.Host.Store;

namespace Decisioning.Host.Apis.Contracts;

/// <summary>One page of the case list (<c>GET /api/applications</c>): the cases and whether a next page follows.</summary>
public sealed record CaseList
{
    public required int Page { get; init; }
    public required int PageSize { get; init; }
    public required bool HasMore { get; init; }
    public required IReadOnlyList<CaseSummary> Cases { get; init; }
}
