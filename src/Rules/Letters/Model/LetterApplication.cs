namespace Decisioning.Rules.Letters.Model;

/// <summary>The facts of the application a letter relies on besides company and project.</summary>
public sealed record LetterApplication
{
    public required string Id { get; init; }
    public required LetterDate SubmittedOn { get; init; }
    public required bool GrowthMappingDone { get; init; }
    public required bool Additionality { get; init; }
    public required bool HasExceptionJustification { get; init; }
    /// <summary>The assessment's export ambition; false without an assessment.</summary>
    public required bool ExportAmbition { get; init; }
    /// <summary>The assessment's export experience word (<c>none</c>, <c>beginning</c>, …); null without an assessment.</summary>
    public required string? ExportExperience { get; init; }
}
