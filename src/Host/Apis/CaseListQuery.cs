using Decisioning.Host.Store;
using Decisioning.Input;

namespace Decisioning.Host.Apis;

/// <summary>
/// The case list's query words, parsed in one place for the API and the committee page: <c>status</c> awaiting,
/// decided or all; <c>q</c> an application id, a CVR or the start of a company name; <c>sort</c> date (oldest first),
/// newest or amount (largest first); <c>page</c> from 1.
/// </summary>
public sealed record CaseListQuery(CaseQuery? Query, IReadOnlyList<InputError> Errors)
{
    /// <summary>The longest search term taken.</summary>
    public const int MaxSearchLength = 100;

    /// <summary>The highest page number taken.</summary>
    public const int MaxPage = 100_000;

    /// <summary>Every status word.</summary>
    public static readonly IReadOnlyList<string> Statuses = ["awaiting", "decided", "all"];

    /// <summary>Every sort word.</summary>
    public static readonly IReadOnlyList<string> Sorts = ["date", "oldest", "newest", "amount"];

    /// <summary>The query, or every bad parameter by name.</summary>
    public static CaseListQuery Parse(string? status, string? q, string? sort, int? page)
    {
        var errors = new List<InputError>();
        CaseStatusFilter? filter = (status ?? "all") switch
        {
            "awaiting" => CaseStatusFilter.Awaiting,
            "decided" => CaseStatusFilter.Decided,
            "all" => CaseStatusFilter.All,
            _ => null,
        };
        if (filter is null)
        {
            errors.Add(new InputError("$.status", $"must be one of {string.Join(", ", Statuses)}"));
        }
        CaseSort? order = (sort ?? "newest") switch
        {
            "date" or "oldest" => CaseSort.Oldest,
            "newest" => CaseSort.Newest,
            "amount" => CaseSort.Amount,
            _ => null,
        };
        if (order is null)
        {
            errors.Add(new InputError("$.sort", $"must be one of {string.Join(", ", Sorts)}"));
        }
        if (q is { Length: > MaxSearchLength } || (q is not null && q.Any(char.IsControl)))
        {
            errors.Add(new InputError("$.q", $"must be at most {MaxSearchLength} characters without control characters"));
        }
        if (page is < 1 or > MaxPage)
        {
            errors.Add(new InputError("$.page", $"must be from 1 to {MaxPage}"));
        }
        return errors.Count > 0
            ? new CaseListQuery(null, errors)
            : new CaseListQuery(new CaseQuery { Status = filter!.Value, Search = q, Sort = order!.Value, Page = page ?? 1 }, []);
    }
}
