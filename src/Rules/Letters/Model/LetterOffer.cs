namespace Decisioning.Rules.Letters.Model;

/// <summary>Another activity the company is eligible for, from the eligibility check; <see cref="MaxGrant"/> is null for a free one.</summary>
public sealed record LetterOffer(string Activity, string Name, LetterPercent Share, LetterAmount? MaxGrant, bool Free);
