namespace Decisioning.Host.Pages.Consultant;

/// <summary>
/// The marker type of the consultant's page texts: <c>ConsultantTexts.resx</c> (Danish) and <c>ConsultantTexts.en.resx</c>,
/// read through <c>IStringLocalizer&lt;ConsultantTexts&gt;</c>: the form's sections, a label for every field of the
/// contract (<c>field-company.cvr</c>), the check result and the reader's common errors.
/// </summary>
public sealed class ConsultantTexts
{
    private ConsultantTexts()
    {
    }
}
