namespace Decisioning.Host.Pages;

/// <summary>
/// The marker type of the pages' texts: <c>PageTexts.resx</c> (Danish, the neutral language) and <c>PageTexts.en.resx</c>,
/// read through <c>IStringLocalizer&lt;PageTexts&gt;</c>. Letter wording lives in templates/, machine words' labels in the
/// rule set (<see cref="PageLabels"/>).
/// </summary>
public sealed class PageTexts
{
    private PageTexts()
    {
    }
}
