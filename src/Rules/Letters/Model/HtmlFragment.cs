namespace Decisioning.Rules.Letters.Model;

/// <summary>
/// HTML rendered from a template of the rule set (an include, a reason text). The letter writes it as it is;
/// every other value is HTML-escaped when written.
/// </summary>
public sealed record HtmlFragment(string Html)
{
    /// <inheritdoc />
    public override string ToString() => Html;
}
