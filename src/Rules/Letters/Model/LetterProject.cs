namespace Decisioning.Rules.Letters.Model;

/// <summary>The project as the application states it (P4.2, P4.9, P5.1, P8.4).</summary>
public sealed record LetterProject
{
    public required LetterAmount TotalCost { get; init; }
    public required LetterAmount OwnCash { get; init; }
    public required LetterAmount? Requested { get; init; }
    public required LetterDate PlannedStart { get; init; }
    public required LetterDate PlannedEnd { get; init; }
    public required bool StartPackage { get; init; }
    public required IReadOnlyList<LetterMilestone> Milestones { get; init; }
}
