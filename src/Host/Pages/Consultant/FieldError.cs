using Decisioning.Input;
using Microsoft.Extensions.Localization;

namespace Decisioning.Host.Pages.Consultant;

/// <summary>
/// One bad field of the consultant's form: the reader's error by JSON path (<c>$.priorGrants[0].grantDkk</c>), the
/// form control it belongs beside (<c>priorGrants[1].grantDkk</c>), and its message in the page's language. The
/// reader writes its messages in English; the common ones have a Danish text (<see cref="MessageKey"/>), the rest are
/// shown as written, marked as English.
/// </summary>
/// <param name="Path">The JSON path, as the API names it.</param>
/// <param name="Name">The form control's name.</param>
/// <param name="Message">The reader's message.</param>
public sealed record FieldError(string Path, string Name, string Message)
{
    private static readonly (string Start, string Key)[] Known =
    [
        ("is required", "error-required"),
        ("must not be empty", "error-required"),
        ("must be a whole number", "error-whole"),
        ("must be a number", "error-number"),
        ("must be a date", "error-date"),
        ("must be at least", "error-range"),
        ("must be at most", "error-range"),
        ("must be between", "error-range"),
        ("must be a CVR number", "error-cvr"),
        ("must be one of", "error-choice"),
        ("must be an activity of", "error-choice"),
        ("must not be after submittedOn", "error-after-submitted"),
        ("must not be before plannedStart", "error-before-start"),
        ("must hold at most", "error-rows"),
        ("must be true or false", "error-choice"),
        ("must be 1 to", "error-length"),
    ];

    /// <summary>The errors of a read, each placed beside its control.</summary>
    public static IReadOnlyList<FieldError> Of(IEnumerable<InputError> errors, FormBinding binding) =>
        errors.Select(e => new FieldError(e.Path, binding.FormNameOf(e.Path), e.Message)).ToList();

    /// <summary>The text key of the message's Danish (and English) wording, or null when it has none.</summary>
    public string? MessageKey => Known.FirstOrDefault(k => Message.StartsWith(k.Start, StringComparison.Ordinal)).Key;

    /// <summary>The message in the page's language, and whether it is the reader's English (no Danish wording for it).</summary>
    public (string Text, bool English) TextIn(string lang, IStringLocalizer<ConsultantTexts> texts)
    {
        if (lang == PageLanguage.English || MessageKey is not { } key)
        {
            return (Message, true);
        }
        return (Given is { } given ? $"{texts[key]}, {texts["error-given", given]}" : texts[key], false);
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
