using System.Text.Json;

namespace Decisioning.Host.Store;

/// <summary>
/// What the case list searches and sorts by, taken once when a case is stored so a list page never parses a body:
/// the company's CVR and name, the activity, the recommended outcome and grant.
/// </summary>
public sealed record CaseFacts
{
    public required string Cvr { get; init; }
    public required string CompanyName { get; init; }
    public required string Activity { get; init; }
    public required string RecommendedOutcome { get; init; }
    public required decimal RecommendedGrantDkk { get; init; }

    /// <summary>The facts of an application body and its recommendation; a field the body lacks is empty.</summary>
    public static CaseFacts Of(byte[] body, RecommendationRecord recommendation)
    {
        string cvr = "", name = "";
        try
        {
            using var json = JsonDocument.Parse(body);
            if (json.RootElement.ValueKind == JsonValueKind.Object
                && json.RootElement.TryGetProperty("company", out var company) && company.ValueKind == JsonValueKind.Object)
            {
                cvr = company.TryGetProperty("cvr", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString()! : "";
                name = company.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString()! : "";
            }
        }
        catch (JsonException)
        {
            // a body the reader accepted is JSON; an unreadable one is listed without company facts
        }
        return new CaseFacts
        {
            Cvr = cvr,
            CompanyName = name,
            Activity = recommendation.Decision.Activity,
            RecommendedOutcome = recommendation.Decision.Outcome,
            RecommendedGrantDkk = recommendation.Decision.CoFinancing?.GrantDkk ?? 0,
        };
    }

    /// <summary>The company name as searched: lower case, so a search is a prefix of it whatever the case.</summary>
    public static string SearchKey(string name) => name.Trim().ToLowerInvariant();
}
