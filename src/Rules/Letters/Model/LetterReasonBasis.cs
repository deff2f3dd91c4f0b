namespace Decisioning.Rules.Letters.Model;

/// <summary>Where a clause stands in the programme documents: the document's title in the letter's language and its section.</summary>
public sealed record LetterReasonBasis(string Document, string? Section);
