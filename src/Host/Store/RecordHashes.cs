using System.Text;

namespace Decisioning.Host.Store;

/// <summary>
/// The hash of each kind of record as a keyed audit entry holds it: over every field of the record, its key included
/// (an application's time of receipt, a rule set's version and time stored as well as its files), so changing any
/// stored field breaks the entry. The same on every engine, so a copied store keeps its chain.
/// </summary>
public static class RecordHashes
{
    public static string Application(StoredApplication a) =>
        Of("application", a.ApplicationId, StoreFormat.Time(a.ReceivedAt), StoreFormat.Sha256(a.Body));

    public static string Recommendation(string applicationId, string record) => Of("recommendation", applicationId, record);

    public static string FinalDecision(string applicationId, string record) => Of("final-decision", applicationId, record);

    public static string RuleSet(StoredRuleSet r) =>
        Of("ruleset", r.Hash, r.Version, StoreFormat.Time(r.StoredAt), r.ToSource().Hash);

    public static string Refusal(string id, string record) => Of("ruleset-refusal", id, record);

    private static string Of(params string[] fields)
    {
        // each field with its length first, so no two different records give the same text
        var text = new StringBuilder();
        foreach (var field in fields)
        {
            text.Append(field.Length).Append(':').Append(field).Append('\n');
        }
        return StoreFormat.Sha256(Encoding.UTF8.GetBytes(text.ToString()));
    }
}
