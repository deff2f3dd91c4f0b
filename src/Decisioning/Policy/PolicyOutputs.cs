namespace Decisioning.Policy;

/// <summary>The computed values of a programme, each a list of rules tried in order (first match wins).</summary>
public sealed class PolicyOutputs
{
    /// <summary>P4.4 age band: <c>young</c> or <c>established</c>.</summary>
    public required IReadOnlyList<OutputRule<string>> AgeBand { get; init; }
    /// <summary>P9.1 growth company, null when the history cannot tell.</summary>
    public required IReadOnlyList<OutputRule<bool?>> GrowthCompany { get; init; }
    /// <summary>P4.4 level cap for the level and age band, null when no cap applies (P4.7).</summary>
    public required IReadOnlyList<OutputRule<decimal?>> LevelCapDkk { get; init; }
    /// <summary>P4.4 what is already granted against the level cap.</summary>
    public required IReadOnlyList<OutputRule<decimal>> LevelCapUsedDkk { get; init; }
    /// <summary>P4.5 lifetime cap for the age band, null when no cap applies (P4.7).</summary>
    public required IReadOnlyList<OutputRule<decimal?>> LifetimeCapDkk { get; init; }
    /// <summary>P4.5 what is already granted against the lifetime cap.</summary>
    public required IReadOnlyList<OutputRule<decimal>> LifetimeCapUsedDkk { get; init; }
    /// <summary>P7.1 eligible amount (before flooring to whole kroner).</summary>
    /// <summary>P6.6 per-company cap on a collective activity; null when none applies.</summary>
    public required IReadOnlyList<OutputRule<decimal?>> ParticipantCapDkk { get; init; }

    /// <summary>P6.6: what the company was already granted on the activity.</summary>
    public required IReadOnlyList<OutputRule<decimal>> ParticipantCapUsedDkk { get; init; }

    public required IReadOnlyList<OutputRule<decimal>> EligibleDkk { get; init; }
    /// <summary>P5.1/P5.2 own cash the company must put in (before rounding up to whole kroner).</summary>
    public required IReadOnlyList<OutputRule<decimal>> SelfFundingRequiredDkk { get; init; }
    /// <summary>P8.4 follow-up date.</summary>
    public required IReadOnlyList<OutputRule<DateOnly?>> FollowUpDue { get; init; }
    /// <summary>P8.3 key account manager.</summary>
    public required IReadOnlyList<OutputRule<bool>> KeyAccountManager { get; init; }
    /// <summary>P9.2 expected full-time jobs from the grant.</summary>
    public required IReadOnlyList<OutputRule<decimal?>> ExpectedJobs { get; init; }

    /// <summary>The names of the outputs, as rule files spell them in <c>Properties.output</c>.</summary>
    public static readonly IReadOnlyDictionary<string, Type> Known = new Dictionary<string, Type>
    {
        ["ageBand"] = typeof(string),
        ["growthCompany"] = typeof(bool?),
        ["levelCapDkk"] = typeof(decimal?),
        ["levelCapUsedDkk"] = typeof(decimal),
        ["lifetimeCapDkk"] = typeof(decimal?),
        ["lifetimeCapUsedDkk"] = typeof(decimal),
        ["participantCapDkk"] = typeof(decimal?),
        ["participantCapUsedDkk"] = typeof(decimal),
        ["eligibleDkk"] = typeof(decimal),
        ["selfFundingRequiredDkk"] = typeof(decimal),
        ["followUpDue"] = typeof(DateOnly?),
        ["keyAccountManager"] = typeof(bool),
        ["expectedJobs"] = typeof(decimal?),
    };
}
