namespace Decisioning.Rules.Letters.Model;

/// <summary>
/// A clause behind the outcome: its id (a reference only), the rule's own message, its plain-language text in the
/// letter's language and where it stands in the programme documents.
/// </summary>
public sealed record LetterReason(string Id, string Message, HtmlFragment Text, LetterReasonBasis? Basis);
