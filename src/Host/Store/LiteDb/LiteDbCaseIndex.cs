using System.Globalization;
using LiteDB;

namespace Decisioning.Host.Store.LiteDb;

/// <summary>
/// The case list in LiteDB: one document per case with what the list shows, searches and sorts by, indexed by status
/// and date, status and amount, CVR and company name, so a page is a range of one index. It is derived from the
/// records (the final decision updates its status) and is not itself in the audit trail.
/// </summary>
internal sealed class LiteDbCaseIndex(ILiteDatabase db)
{
    public const string Collection = "cases";
    private const string Awaiting = "awaiting";
    private const string Decided = "decided";

    public static void EnsureIndexes(ILiteDatabase db)
    {
        var cases = db.GetCollection(Collection);
        foreach (var field in new[] { "date", "amountKey", "statusDate", "statusAmount", "cvr", "nameKey" })
        {
            cases.EnsureIndex(field, "$." + field);
        }
    }

    public void Insert(StoredApplication application, CaseFacts facts)
    {
        var date = StoreDocuments.Time(application.ReceivedAt) + "|" + application.ApplicationId;
        var amount = Amount(facts.RecommendedGrantDkk) + "|" + application.ApplicationId;
        db.GetCollection(Collection).Insert(new BsonDocument
        {
            ["_id"] = application.ApplicationId,
            ["receivedAt"] = StoreDocuments.Time(application.ReceivedAt),
            ["cvr"] = Key(facts.Cvr, 64),
            ["name"] = facts.CompanyName,
            ["nameKey"] = Key(CaseFacts.SearchKey(facts.CompanyName), 100),
            ["activity"] = facts.Activity,
            ["outcome"] = facts.RecommendedOutcome,
            ["amount"] = facts.RecommendedGrantDkk,
            ["date"] = date,
            ["amountKey"] = amount,
            ["statusDate"] = Awaiting + "|" + date,
            ["statusAmount"] = Awaiting + "|" + amount,
        });
    }

    public void Decide(FinalDecisionRecord record)
    {
        var cases = db.GetCollection(Collection);
        if (LiteDbSchema.FindExactly(db, Collection, record.ApplicationId) is not { } doc)
        {
            return;
        }
        doc["finalOutcome"] = record.Outcome;
        doc["finalGrant"] = record.GrantDkk;
        doc["statusDate"] = Decided + "|" + doc["date"].AsString;
        doc["statusAmount"] = Decided + "|" + doc["amountKey"].AsString;
        cases.Update(doc);
    }

    public CasePage List(CaseQuery query)
    {
        var cases = db.GetCollection(Collection);
        var status = query.Status switch { CaseStatusFilter.Awaiting => Awaiting, CaseStatusFilter.Decided => Decided, _ => null };
        List<BsonDocument> rows;
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            rows = Search(db, cases, query.Search.Trim())
                .Where(d => status is null || d["statusDate"].AsString.StartsWith(status + "|", StringComparison.Ordinal))
                .Where(d => query.RecommendedOutcome is null || d["outcome"].AsString == query.RecommendedOutcome)
                .Where(d => query.ExcludedOutcome is null || d["outcome"].AsString != query.ExcludedOutcome)
                .OrderBy(d => d[query.Sort == CaseSort.Amount ? "amountKey" : "date"].AsString, StringComparer.Ordinal)
                .ToList();
            if (query.Sort != CaseSort.Oldest)
            {
                rows.Reverse();
            }
            rows = rows.Skip(query.Offset).Take(query.Limit + 1).ToList();
        }
        else
        {
            var field = (query.Sort == CaseSort.Amount ? "amount" : "date") switch
            {
                "amount" => status is null ? "amountKey" : "statusAmount",
                _ => status is null ? "date" : "statusDate",
            };
            var q = cases.Query();
            if (status is not null)
            {
                q = q.Where($"{field} BETWEEN @0 AND @1", status + "|", status + "|\uffff");
            }
            if (query.RecommendedOutcome is { } outcome)
            {
                q = q.Where("outcome = @0", outcome);
            }
            if (query.ExcludedOutcome is { } excluded)
            {
                q = q.Where("outcome != @0", excluded);
            }
            var ordered = query.Sort == CaseSort.Oldest ? q.OrderBy(field) : q.OrderByDescending(field);
            rows = ordered.Offset(query.Offset).Limit(query.Limit + 1).ToList();
        }
        return new CasePage(rows.Take(query.Limit).Select(ToSummary).ToList(), Math.Max(1, query.Page), rows.Count > query.Limit);
    }

    private static IEnumerable<BsonDocument> Search(ILiteDatabase db, ILiteCollection<BsonDocument> cases, string term)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var byId = LiteDbSchema.FindExactly(db, Collection, term) is { } d ? new[] { d } : [];
        var key = Key(CaseFacts.SearchKey(term), 100);
        var byName = key.Length == 0 ? [] : cases.Find(Query.Between("nameKey", key, key + "\uffff"));
        foreach (var doc in byId.Concat(cases.Find(Query.EQ("cvr", Key(term, 64)))).Concat(byName))
        {
            if (seen.Add(doc["_id"].AsString))
            {
                yield return doc;
            }
        }
    }

    /// <summary>The row of a case; a damaged one is listed by its id with nothing else, so one bad record never takes the list down.</summary>
    private static CaseSummary ToSummary(BsonDocument d)
    {
        try
        {
            return Read(d);
        }
        catch (Exception ex) when (ex is InvalidCastException or FormatException or ArgumentException or NullReferenceException)
        {
            return new CaseSummary
            {
                ApplicationId = d["_id"].IsString ? d["_id"].AsString : d["_id"].ToString(),
                ReceivedAt = DateTimeOffset.UnixEpoch,
                Cvr = "",
                CompanyName = "(unreadable record: " + ex.Message + ")",
                Activity = "",
                RecommendedOutcome = "",
                RecommendedGrantDkk = 0,
                FinalOutcome = null,
                FinalGrantDkk = null,
            };
        }
    }

    private static CaseSummary Read(BsonDocument d) => new()
    {
        ApplicationId = d["_id"].AsString,
        ReceivedAt = StoreDocuments.Time(d["receivedAt"].AsString),
        Cvr = d["cvr"].AsString,
        CompanyName = d["name"].AsString,
        Activity = d["activity"].AsString,
        RecommendedOutcome = d["outcome"].AsString,
        RecommendedGrantDkk = d["amount"].AsDecimal,
        FinalOutcome = d["finalOutcome"].IsNull ? null : d["finalOutcome"].AsString,
        FinalGrantDkk = d["finalGrant"].IsNull ? null : d["finalGrant"].AsDecimal,
    };

    /// <summary>Sortable text of a whole-kroner amount.</summary>
    private static string Amount(decimal dkk) => Math.Clamp(decimal.Floor(dkk), 0, 999_999_999_999_999m).ToString("000000000000000", CultureInfo.InvariantCulture);

    /// <summary>A value fit for a LiteDB index key: no NUL characters, bounded length.</summary>
    private static string Key(string s, int max)
    {
        var clean = s.Replace("\0", "", StringComparison.Ordinal);
        return clean.Length <= max ? clean : clean[..max];
    }
}
