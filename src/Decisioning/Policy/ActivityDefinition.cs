namespace Decisioning.Policy;

/// <summary>A row of a programme's activity table (P6): what the programme pays and how.</summary>
public sealed record ActivityDefinition
{
    public required string Id { get; init; }
    public required string NameDa { get; init; }
    public required string NameEn { get; init; }
    /// <summary>The programme's share of the total cost (P7.1), 1.0 for a free activity.</summary>
    public required decimal Share { get; init; }
    /// <summary>Collective activities come in addition to the caps (P4.7).</summary>
    public required bool Collective { get; init; }
    /// <summary>Free for the company: the programme pays the provider (P7.3).</summary>
    public required bool Free { get; init; }
    /// <summary>Open to all types of companies (P1.7).</summary>
    public required bool OpenToAll { get; init; }
    /// <summary>Young companies need no self-funding on it (P5.2).</summary>
    public required bool YoungExempt { get; init; }
    /// <summary>An initial-network activity, exempt from self-funding (P5.2).</summary>
    public required bool InitialNetwork { get; init; }
    /// <summary>The activity budget (P6.5).</summary>
    public required decimal BudgetDkk { get; init; }
    /// <summary>
    /// P6.6: the companies the activity is planned for (a seed's range), or null. The one parameter the per-company cap
    /// and the programme report's planned figures both read.
    /// </summary>
    public PlannedRange? Planned { get; init; }

    /// <summary>P6.6: the lower planned number, which the activity budget is divided by for the per-company cap; null when not planned.</summary>
    public int? PlannedCompanies => Planned?.Min;
    public required RuleRef Rule { get; init; }
}
