using System.Resources;

namespace Decisioning.Host.Pages;

/// <summary>
/// The pages' texts for the pages still written as strings: the same resources (<c>PageTexts.resx</c>, Danish, and
/// <c>PageTexts.en.resx</c>) the components read through <c>IStringLocalizer&lt;PageTexts&gt;</c>.
/// </summary>
internal sealed class PageText(string lang)
{
    private static readonly ResourceManager Resources = new("Decisioning.Host.Pages.PageTexts", typeof(PageTexts).Assembly);

    public string Lang { get; } = PageLanguage.Of(lang);

    public string this[string key] => Resources.GetString(key, PageLanguage.UiCulture(Lang)) ?? key;

    /// <summary>A text with placeholders {0}, {1}, ... filled in.</summary>
    public string Format(string key, params object[] values) => string.Format(System.Globalization.CultureInfo.InvariantCulture, this[key], values);
}
