using Decisioning.Host.Store;
using Decisioning.Output;

namespace Decisioning.Host.Apis.Contracts;

/// <summary>The decisions on one application: the recommended one and, once recorded, the committee's final one.</summary>
public sealed record CaseDecisions
{
    public required string ApplicationId { get; init; }
    public required DateTimeOffset ReceivedAt { get; init; }
    public required Decision Recommended { get; init; }
    public required FinalDecisionRecord? Final { get; init; }
}
