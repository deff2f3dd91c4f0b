using System.Globalization;
using Decisioning.Model;
using Decisioning.Pipeline;
using Decisioning.Policy;

namespace Decisioning.Input;

/// <summary>
/// The input checks whose words or rules come from the rule set rather than from the contract's shape: the closed
/// vocabularies (P1.8) and the age band of earlier grants (P4.5a). Kept apart from the field parsing so any reader of
/// the contract can call them.
/// </summary>
public static class RuleSetInputChecks
{
    /// <summary>
    /// The input field each vocabulary of the rule set applies to, by JSON path: the fields of
    /// <see cref="ApplicationContract"/> that name a <see cref="ContractField.WordList"/>.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> VocabularyPaths =
        WordLists(ApplicationContract.Fields, "$").ToDictionary(p => p.List, p => p.Path, StringComparer.Ordinal);

    private static IEnumerable<(string List, string Path)> WordLists(IReadOnlyList<ContractField> fields, string prefix) =>
        fields.SelectMany(f => f.Kind == FieldKind.Object ? WordLists(f.Fields, $"{prefix}.{f.Name}")
            : f.WordList is { } list ? [(list, $"{prefix}.{f.Name}")] : Enumerable.Empty<(string, string)>());

    /// <summary>P1.8: null when <paramref name="word"/> is a word of the vocabulary, else an error listing the allowed words.</summary>
    public static InputError? Word(PolicySet set, string vocabulary, string word) =>
        WordProblem(set.Vocabularies, vocabulary, word) is { } problem ? new InputError(VocabularyPaths[vocabulary], problem) : null;

    /// <summary>P1.8: null when <paramref name="word"/> is a word of the vocabulary, else the message listing the allowed words.</summary>
    public static string? WordProblem(IReadOnlyDictionary<string, Vocabulary> vocabularies, string vocabulary, string word)
    {
        if (!vocabularies.TryGetValue(vocabulary, out var words))
        {
            return $"has no vocabulary '{vocabulary}' in the rule set";
        }
        return words.Find(word) is null
            ? $"must be one of {string.Join(", ", words.Words.Select(w => w.Word))} ({words.Clause}), not '{word}'"
            : null;
    }

    /// <summary>
    /// P4.5a: every earlier grant's age band is the company's age band on the grant's <c>decidedOn</c>, by the rule
    /// set's age-band rule. <paramref name="declared"/> holds the <c>ageBand</c> each grant gave (null when left out);
    /// one that disagrees is bad input. A grant dated before <c>company.foundedOn</c> has no age to compare with: its typed
    /// band stands (young, age 0, when left out). Returns the application with the derived bands.
    /// </summary>
    public static InputResult<Application> WithPriorGrantAgeBands(Application a, IReadOnlyList<string?> declared, PolicySet set)
    {
        if (a.PriorGrants.Count == 0 || set.FindProgramme(a.Programme) is not { } programme)
        {
            return new InputResult<Application>(a, []);
        }
        var errors = new List<InputError>();
        var grants = new List<PriorGrant>(a.PriorGrants.Count);
        for (var i = 0; i < a.PriorGrants.Count; i++)
        {
            var g = a.PriorGrants[i];
            var path = $"$.priorGrants[{i}]";
            var given = i < declared.Count ? declared[i] : null;
            if (g.DecidedOn < a.Company.FoundedOn && given is not null)
            {
                // Reading: dated before the company was founded, the grant has no age from dates to compare with; its typed band stands.
                grants.Add(g);
                continue;
            }
            var years = AgeCalculator.CompletedYears(a.Company.FoundedOn, g.DecidedOn);
            var band = DecisionStages.AgeBandAt(a, programme, years);
            if (given is not null && given != band)
            {
                errors.Add(new InputError(path + ".ageBand",
                    $"must be '{band}' or left out (P4.5a: the company was {years} completed years old on decidedOn {Iso(g.DecidedOn)}), not '{given}'"));
                continue;
            }
            grants.Add(g with { AgeBand = band });
        }
        return errors.Count > 0
            ? new InputResult<Application>(null, errors)
            : new InputResult<Application>(a with { PriorGrants = grants }, []);
    }

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
