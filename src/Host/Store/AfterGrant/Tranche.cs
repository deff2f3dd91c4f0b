namespace Decisioning.Host.Store;

/// <summary>
/// One tranche of a grant (P4.9): paid when its milestone is recorded as reached and the committee releases it; a
/// reserved final share (<see cref="AfterFollowUp"/>) waits for the follow-up instead of a milestone.
/// </summary>
public sealed record Tranche
{
    /// <summary>1 for the first milestone, in the order of <c>project.milestones</c>; the reserved share comes last.</summary>
    public required int Milestone { get; init; }
    public required string Name { get; init; }
    public required DateOnly? Due { get; init; }
    public required decimal TrancheDkk { get; init; }
    public required bool AfterFollowUp { get; init; }
}
