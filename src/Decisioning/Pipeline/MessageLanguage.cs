namespace Decisioning.Pipeline;

/// <summary>
/// The language a check's message is worded in: English (the contract's, always used by decisions) or Danish (the
/// rule set's <c>successDa</c> / <c>errorDa</c>, evaluated only when a Danish page asks for an eligibility check).
/// </summary>
public enum MessageLanguage
{
    /// <summary>The rule's <c>SuccessEvent</c> / <c>ErrorMessage</c>.</summary>
    English,

    /// <summary>The rule's <c>Properties.successDa</c> / <c>Properties.errorDa</c>.</summary>
    Danish,
}
