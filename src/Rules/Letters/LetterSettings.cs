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
    /// <summary>The complaint deadline in weeks, counted from the day the company received the decision.</summary>
    public required int ComplaintDeadlineWeeks { get; init; }
    /// <summary>Weeks from a referral notice to the deciding body's expected decision.</summary>
    public required int ReferralAnswerWeeks { get; init; }
    /// <summary>The framework document's title by language (the legal basis of every programme).</summary>
    public required IReadOnlyDictionary<string, string> FrameworkDocument { get; init; }
    /// <summary>Each programme's document: its title by language and the budget period it covers.</summary>
    public required IReadOnlyDictionary<string, ProgrammeDocument> ProgrammeDocuments { get; init; }
    /// <summary>
    /// Labels of the vocabularies' machine words by vocabulary, word and language (<c>region</c>, <c>sector</c>,
    /// <c>criterion</c>, <c>body</c>, …), so no code word reaches a letter.
    /// </summary>
    public required IReadOnlyDictionary<string, IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>> Labels { get; init; }

    /// <summary>The label of a word in a language, or null when the settings have none.</summary>
    public string? Label(string vocabulary, string word, string lang) =>
        Labels.GetValueOrDefault(vocabulary)?.GetValueOrDefault(word)?.GetValueOrDefault(lang);
}

