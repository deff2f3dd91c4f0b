using System.Text.RegularExpressions;
using Decisioning.Input;
using Microsoft.Extensions.Localization;

namespace Decisioning.Host.Pages.Consultant;

/// <summary>
/// One bad field of the consultant's form: the reader's error by JSON path (<c>$.priorGrants[0].grantDkk</c>), the
/// form control it belongs beside (<c>priorGrants[1].grantDkk</c>), and its message in the page's language. The
/// reader writes its messages in English; the common ones have a Danish text (<see cref="Wording"/>), the rest are
/// shown as written, marked as English.
/// </summary>
/// <param name="Path">The JSON path, as the API names it.</param>
/// <param name="Name">The form control's name.</param>
/// <param name="Message">The reader's message.</param>
public sealed record FieldError(string Path, string Name, string Message)
{
    // The reader's common messages, most specific first; a group of the pattern is an argument of the text.
    private static readonly (Regex Pattern, string Key)[] Known =
    [
        (new(@"^(?:is required|must not be empty)"), "error-required"),
        (new(@"^must be at most (\d+) characters"), "error-characters"),
        (new(@"^must be a whole number"), "error-whole"),
        (new(@"^must be a number"), "error-number"),
        (new(@"^must be a date"), "error-date"),
        (new(@"^must be at least (-?[\d.]+)"), "error-least"),
        (new(@"^must be at most (-?[\d.]+)"), "error-most"),
        (new(@"^must be between (-?[\d.]+) and (-?[\d.]+)"), "error-between"),
        (new(@"^must be a CVR number"), "error-cvr"),
        (new(@"^must be (?:one of|an activity of|true or false)"), "error-choice"),
        (new(@"^must not be after submittedOn"), "error-after-submitted"),
        (new(@"^must not be before plannedStart"), "error-before-start"),
        (new(@"^must (?:hold|have) at most (\d+) (?:items|elements)"), "error-rows"),
        (new(@"^must be 1 to (\d+) characters"), "error-length"),
    ];

    /// <summary>The errors of a read, each placed beside its control.</summary>
    public static IReadOnlyList<FieldError> Of(IEnumerable<InputError> errors, FormBinding binding) =>
        errors.Select(e => new FieldError(e.Path, binding.FormNameOf(e.Path), e.Message)).ToList();

    /// <summary>The text key of the message's Danish wording and its arguments (bounds), or null when it has none.</summary>
    public (string Key, string[] Arguments)? Wording
    {
        get
        {
            foreach (var (pattern, key) in Known)
            {
                if (pattern.Match(Message) is { Success: true } m)
                {
                    return (key, m.Groups.Values.Skip(1).Select(g => g.Value).ToArray());
                }
            }
            return null;
        }
    }

    /// <summary>The message in the page's language, and whether it is the reader's English (no Danish wording for it).</summary>
    public (string Text, bool English) TextIn(string lang, IStringLocalizer<ConsultantTexts> texts)
    {
        if (lang == PageLanguage.English || Wording is not { } wording)
        {
            return (Message, true);
        }
        var numbers = wording.Arguments.Select(a => decimal.TryParse(a, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var d)
            ? PageFormat.Number(d, lang) : a).ToArray<object>();
        var text = texts[wording.Key, numbers].Value;
        return (Given is { } given ? $"{text}, {texts["error-given", given]}" : text, false);
    }

    /// <summary>What was typed, as the reader quotes it at the end of its message (<c>…, not 'mange'</c>); null when it does not.</summary>
    public string? Given
    {
        get
        {
            // The reader quotes a value ('x', "x") or writes it (12, 2026-13-01); "a string" names a kind, not what was typed.
            var at = Message.LastIndexOf(", not ", StringComparison.Ordinal);
            var tail = at < 0 ? "" : Message[(at + ", not ".Length)..];
            return tail is [('\'' or '"' or '-' or (>= '0' and <= '9')), ..] ? tail : null;
        }
    }
}
