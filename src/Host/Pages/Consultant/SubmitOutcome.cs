using Decisioning.Output;

namespace Decisioning.Host.Pages.Consultant;

/// <summary>The recommended decision of a submitted application, with its reasons and scorecard in the page's language.</summary>
public sealed record SubmitOutcome
{
    public required Decision Decision { get; init; }

    public required IReadOnlyList<ReasonLine> Reasons { get; init; }
}
