namespace Decisioning.Host.Pages.Policy;

/// <summary>
/// The marker type of the policy page's texts: <c>PolicyTexts.resx</c> (Danish) and <c>PolicyTexts.en.resx</c>, read
/// through <c>IStringLocalizer&lt;PolicyTexts&gt;</c>.
/// </summary>
public sealed class PolicyTexts
{
    private PolicyTexts()
    {
    }
}
