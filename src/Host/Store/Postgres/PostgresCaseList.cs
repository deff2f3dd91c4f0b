using Npgsql;

namespace Decisioning.Host.Store.Postgres;

/// <summary>
/// The case list in SQL: a status filter, a search (application id or CVR exactly, or the start of a company name) and
/// an order that each match an index of the <c>cases</c> table, with LIMIT/OFFSET paging.
/// </summary>
internal static class PostgresCaseList
{
    public static CasePage List(NpgsqlDataSource source, CaseQuery query)
    {
        var where = new List<string>();
        var args = new List<object?>();
        if (query.Status != CaseStatusFilter.All)
        {
            args.Add(query.Status == CaseStatusFilter.Awaiting ? "awaiting" : "decided");
            where.Add($"status = ${args.Count}");
        }
        if (query.RecommendedOutcome is { } outcome)
        {
            args.Add(outcome);
            where.Add($"outcome = ${args.Count}");
        }
        if (query.ExcludedOutcome is { } excluded)
        {
            args.Add(excluded);
            where.Add($"outcome <> ${args.Count}");
        }
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var term = query.Search.Trim();
            args.Add(term);
            var t = args.Count;
            args.Add(Like(CaseFacts.SearchKey(term)) + "%");
            where.Add($"(application_id = ${t} OR cvr = ${t} OR name_key LIKE ${args.Count})");
        }
        var order = query.Sort switch
        {
            CaseSort.Oldest => "received_at, application_id",
            CaseSort.Amount => "amount DESC, application_id DESC",
            _ => "received_at DESC, application_id DESC",
        };
        args.Add(query.Limit + 1);
        var limit = args.Count;
        args.Add(query.Offset);
        var sql = "SELECT application_id, received_at, cvr, name, activity, outcome, amount, final_outcome, final_grant FROM cases"
            + (where.Count > 0 ? " WHERE " + string.Join(" AND ", where) : "")
            + $" ORDER BY {order} LIMIT ${limit} OFFSET ${args.Count}";
        var rows = PostgresSql.Rows(PostgresSql.Command(source, sql, args.ToArray()), r => new CaseSummary
        {
            ApplicationId = r.GetString(0),
            ReceivedAt = StoreFormat.Time(r.GetString(1)),
            Cvr = r.GetString(2),
            CompanyName = r.GetString(3),
            Activity = r.GetString(4),
            RecommendedOutcome = r.GetString(5),
            RecommendedGrantDkk = r.GetDecimal(6),
            FinalOutcome = r.IsDBNull(7) ? null : r.GetString(7),
            FinalGrantDkk = r.IsDBNull(8) ? null : r.GetDecimal(8),
        });
        return new CasePage(rows.Take(query.Limit).ToList(), Math.Max(1, query.Page), rows.Count > query.Limit);
    }

    /// <summary>A LIKE pattern matching the text literally.</summary>
    private static string Like(string text) => text.Replace("\\", "\\\\", StringComparison.Ordinal)
        .Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
}
