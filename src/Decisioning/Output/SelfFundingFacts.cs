namespace Decisioning.Output;

/// <summary>
/// The own cash a co-financed project needs (P5.1) or its exemption (P5.2): the clause of the rule that set the amount,
/// the amount, its share of the total cost (whole percent; 0 when exempt) and the company's own cash.
/// </summary>
public sealed record SelfFundingFacts(string Clause, bool Exempt, decimal RequiredDkk, decimal Share, decimal TotalCostDkk, decimal OwnCashDkk, bool Ok);
