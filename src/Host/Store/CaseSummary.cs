using Decisioning.Output;

namespace Decisioning.Host.Store;

/// <summary>A case as the committee's queue lists it: when it came in, the recommendation and, once made, the final decision.</summary>
public sealed record CaseSummary(string ApplicationId, DateTimeOffset ReceivedAt, Decision Recommended, FinalDecisionRecord? Final);
