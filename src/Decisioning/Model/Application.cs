namespace Decisioning.Model;

/// <summary>An application for an activity of a programme, as the contract's input describes it.</summary>
public sealed record Application
{
    public required string ApplicationId { get; init; }
    public required string Programme { get; init; }
    public required string Activity { get; init; }
    public required DateOnly SubmittedOn { get; init; }
    public required Company Company { get; init; }
    public required bool GrowthMappingDone { get; init; }
    public required bool Additionality { get; init; }
    public string? ExceptionJustification { get; init; }
    /// <summary>The consultant's scorecard assessment; without it no level can be met (P3).</summary>
    public Assessment? Assessment { get; init; }
    /// <summary>The project; null only for an eligibility check.</summary>
    public Project? Project { get; init; }
    public IReadOnlyList<PriorGrant> PriorGrants { get; init; } = [];

    /// <summary>
    /// Declared input fields without a property here (a field added to the contract declaration), by path; rules read
    /// them as <c>a.Inputs.Number("company.exportMarkets")</c>.
    /// </summary>
    public InputValues Inputs { get; init; } = InputValues.Empty;
}
