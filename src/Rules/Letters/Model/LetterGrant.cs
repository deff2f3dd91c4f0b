namespace Decisioning.Rules.Letters.Model;

/// <summary>An earlier grant counted against a cap: its date, the activity's name (or id when not in the programme), level and amount.</summary>
public sealed record LetterGrant(LetterDate DecidedOn, string Activity, string Level, LetterAmount Grant);
