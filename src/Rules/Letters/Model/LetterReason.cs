namespace Decisioning.Rules.Letters.Model;

/// <summary>A clause behind the outcome: its id, the rule's own message, and its plain-language text in the letter's language.</summary>
public sealed record LetterReason(string Id, string Message, HtmlFragment Text);
