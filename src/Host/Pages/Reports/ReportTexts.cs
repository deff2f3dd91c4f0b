namespace Decisioning.Host.Pages.Reports;

/// <summary>
/// The marker type of the report page's texts: <c>ReportTexts.resx</c> (Danish) and <c>ReportTexts.en.resx</c>, read
/// through <c>IStringLocalizer&lt;ReportTexts&gt;</c>.
/// </summary>
public sealed class ReportTexts
{
    private ReportTexts()
    {
    }
}
