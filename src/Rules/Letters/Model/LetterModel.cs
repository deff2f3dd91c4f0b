namespace Decisioning.Rules.Letters.Model;

/// <summary>
/// Everything a letter template can see, already decided and formatted: the templates choose words, never amounts.
/// Its properties are the template's top-level variables in snake_case (<c>co_financing.grant</c>).
/// </summary>
public sealed record LetterModel
{
    /// <summary><c>da</c> or <c>en</c>.</summary>
    public required string Lang { get; init; }
    public required LetterDate LetterDate { get; init; }
    public required LetterSender Sender { get; init; }
    public required LetterComplaint Complaint { get; init; }
    public required LetterCompany Company { get; init; }
    public required LetterApplication Application { get; init; }
    public required LetterActivity Activity { get; init; }
    /// <summary>The project block; null only when the application had none.</summary>
    public required LetterProject? Project { get; init; }
    public required LetterDecision Decision { get; init; }
    /// <summary>The amounts; null when the decision computed none (e.g. a rejection before any amount).</summary>
    public required LetterCoFinancing? CoFinancing { get; init; }
    /// <summary>The decision's reasons in its order, each with its plain-language text from the rule set's templates.</summary>
    public required IReadOnlyList<LetterReason> Reasons { get; init; }
    /// <summary>The other activities the eligibility check offers the company (what it could do instead).</summary>
    public required IReadOnlyList<LetterOffer> Alternatives { get; init; }
    public required LetterRuleSet RuleSet { get; init; }
    /// <summary>What kind of letter this is: the outcome it states, decision or notice, draft or final, who decides and signs.</summary>
    public required LetterStatus Letter { get; init; }
    /// <summary>The final decision; null in a draft (the recommendation's letter).</summary>
    public required LetterFinal? Final { get; init; }
    /// <summary>The programme documents the decision rests on, in words.</summary>
    public required LetterBasis LegalBasis { get; init; }
    /// <summary>The facts the decision turned on; null for a decision stored before they were recorded.</summary>
    public required LetterEvidence? Facts { get; init; }
    /// <summary>The rule set's constant parameters by name (<c>parameters.minAgeYears</c>), so texts quote the rules, not copies.</summary>
    public required IReadOnlyDictionary<string, decimal> Parameters { get; init; }
}
