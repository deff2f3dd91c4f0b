namespace Decisioning.Rules.Letters;

/// <summary>
/// The parameters of the letters, from <c>templates/letters.json</c>: the languages, the growth house, the contact line
/// and the complaint guidance (whom to write to and within how many weeks). Wording lives in the templates.
/// </summary>
public sealed record LetterSettings
{
    /// <summary>The letter languages by code, the first being the default.</summary>
    public required IReadOnlyDictionary<string, LetterLanguage> Languages { get; init; }
    public required string GrowthHouse { get; init; }
    public required string Address { get; init; }
    /// <summary>The contact line by language code.</summary>
    public required IReadOnlyDictionary<string, string> ContactLine { get; init; }
    /// <summary>Whom a complaint goes to, by language code.</summary>
    public required IReadOnlyDictionary<string, string> ComplaintRecipient { get; init; }
    public required string ComplaintAddress { get; init; }
    public required string ComplaintEmail { get; init; }
    /// <summary>The complaint deadline in weeks from the letter's date.</summary>
    public required int ComplaintDeadlineWeeks { get; init; }
}
