namespace Decisioning.Host.Store;

/// <summary>
/// How an approved grant is paid (P4.9): the grant less any reserved final share is split over the milestones in
/// whole kroner, by the application's amounts per milestone when it gives one for each (in proportion, rounded down,
/// the remainder on the last), else in equal shares with the remainder on the last; the reserved share is a last
/// tranche released after the follow-up. The tranches add up to the grant exactly.
/// </summary>
public static class TranchePlan
{
    /// <summary>The name of the reserved last tranche.</summary>
    public const string FinalShareName = "Final share after the follow-up";

    /// <summary>The tranches of a grant over its milestones.</summary>
    /// <param name="grantDkk">The approved grant, whole kroner.</param>
    /// <param name="milestones">The application's milestones in order, each with its amount when the application gives one.</param>
    /// <param name="finalShareReserved">The share held back until the follow-up (rule-set parameter, P4.9).</param>
    public static IReadOnlyList<Tranche> For(decimal grantDkk, IReadOnlyList<(string Name, DateOnly? Due, decimal? AmountDkk)> milestones, decimal finalShareReserved)
    {
        var grant = decimal.Floor(grantDkk);
        if (grant <= 0)
        {
            return [];
        }
        var reserved = decimal.Floor(grant * finalShareReserved);
        var split = grant - reserved;
        var steps = milestones.Count > 0 ? milestones : [("The grant", (DateOnly?)null, (decimal?)null)];
        var weights = steps.All(m => m.AmountDkk is > 0) ? steps.Select(m => m.AmountDkk!.Value).ToList() : steps.Select(_ => 1m).ToList();
        var total = weights.Sum();
        var tranches = new List<Tranche>();
        var paid = 0m;
        for (var i = 0; i < steps.Count; i++)
        {
            var amount = i == steps.Count - 1 ? split - paid : decimal.Floor(split * weights[i] / total);
            paid += amount;
            tranches.Add(new Tranche { Milestone = i + 1, Name = steps[i].Name, Due = steps[i].Due, TrancheDkk = amount, AfterFollowUp = false });
        }
        if (reserved > 0)
        {
            tranches.Add(new Tranche { Milestone = steps.Count + 1, Name = FinalShareName, Due = null, TrancheDkk = reserved, AfterFollowUp = true });
        }
        return tranches;
    }
}
