using Decisioning.Model;

namespace Decisioning.Pipeline;

/// <summary>
/// What the service's own grant ledger says: a company's approved grants (caps, P4.4-P4.6) and what an activity
/// has granted in all (budgets, P6.5). The store implements it; the domain only reads it.
/// </summary>
public interface IGrantLedger
{
    /// <summary>The approved grants of the company with the given CVR.</summary>
    IReadOnlyList<PriorGrant> GrantsFor(string cvr);

    /// <summary>The sum of approved grants on an activity of a programme.</summary>
    decimal ActivityTotalDkk(string programme, string activity);
}
