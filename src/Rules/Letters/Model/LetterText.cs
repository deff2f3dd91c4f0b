namespace Decisioning.Rules.Letters.Model;

/// <summary>
/// A value the letter prints as culture-formatted text (an amount, a date, a percentage). Templates print
/// <see cref="Text"/> by writing the value itself and may compare the raw value, never reformat it.
/// </summary>
public interface ILetterText
{
    /// <summary>The value as the letter's language writes it, e.g. <c>120.000 kr.</c> or <c>2 March 2026</c>.</summary>
    string Text { get; }
}
