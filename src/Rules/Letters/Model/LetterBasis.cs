namespace Decisioning.Rules.Letters.Model;

/// <summary>The legal basis in words (the template's <c>legal_basis</c>): the framework document and the programme's document.</summary>
public sealed record LetterBasis(string Framework, string Programme);
