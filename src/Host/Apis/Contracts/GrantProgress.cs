namespace Decisioning.Host.Apis.Contracts;

/// <summary>
/// What an approved grant has paid and what is due (P4.9), and where its follow-up stands (P8.4):
/// <c>GET /api/applications/{id}/tranches</c> and the case page.
/// </summary>
public sealed record GrantProgress
{
    public required string ApplicationId { get; init; }
    public required decimal GrantDkk { get; init; }
    /// <summary>Tranches released.</summary>
    public required decimal PaidDkk { get; init; }
    /// <summary>Tranches whose milestone is reached (or, for a reserved share, the follow-up held) but not yet released.</summary>
    public required decimal DueDkk { get; init; }
    /// <summary>Grant less paid.</summary>
    public required decimal RemainingDkk { get; init; }
    public required IReadOnlyList<TrancheProgress> Tranches { get; init; }
    public required FollowUpProgress FollowUp { get; init; }
}
