namespace Decisioning.Rules.Letters.Model;

/// <summary>
/// What kind of letter this is (the template's <c>letter</c>): the outcome it states (the final decision's, else the
/// recommendation's), whether it is a decision or a notice of a referral, whether it is a draft (no final decision yet),
/// who decides or decided and signs, and the grant it states.
/// </summary>
public sealed record LetterStatus
{
    /// <summary>The outcome word the letter states.</summary>
    public required string Outcome { get; init; }
    /// <summary><c>decision</c> or <c>notice</c> (a referral: what happens next, no complaint guidance).</summary>
    public required string Kind { get; init; }
    /// <summary>True until a final decision is recorded: the recommendation's letter.</summary>
    public required bool Draft { get; init; }
    /// <summary><c>committee</c> or <c>growth-panel</c>: who decides (or decided).</summary>
    public required string Body { get; init; }
    /// <summary>The body's name in the letter's language, from <c>letters.json</c>.</summary>
    public required string BodyName { get; init; }
    /// <summary>The grant the letter states (the final decision's, else the recommendation's); null when none.</summary>
    public required LetterAmount? Grant { get; init; }
    /// <summary>True when a cap or the budget bound the grant below the eligible amount (never for the company's own request, P7.3).</summary>
    public required bool Reduced { get; init; }
    /// <summary>For a notice: the date by which the deciding body is expected to decide; null otherwise.</summary>
    public required LetterDate? AnswerBy { get; init; }
}
