using System.Text.Json;
using Decisioning.Output;

namespace Decisioning.Host.Store;

/// <summary>
/// One stored case as <see cref="ICaseStore.ReadCases"/> streams it: the application as received and its recommendation's
/// record as stored (JSON), decoded only by a reader that needs all of it (<see cref="Recommendation"/>).
/// </summary>
public sealed record StoredCase(StoredApplication Application, string RecommendationJson)
{
    /// <summary>The recommendation record in full.</summary>
    public RecommendationRecord Recommendation() =>
        JsonSerializer.Deserialize<RecommendationRecord>(RecommendationJson, DecisionJson.Compact)
        ?? throw new InvalidDataException($"The recommendation of {Application.ApplicationId} is empty.");
}
