namespace Decisioning.Host.Pages;

/// <summary>
/// The site's stylesheet (<c>Pages/site.css</c>, embedded): inlined in every page, since the pages' CSP loads nothing
/// from elsewhere. It holds the phone layout (tables of class <c>stack</c> become stacked rows below 40em) and the print
/// layout (no header, navigation or forms).
/// </summary>
public static class SiteCss
{
    public static string Text { get; } = Read();

    private static string Read()
    {
        using var stream = typeof(SiteCss).Assembly.GetManifestResourceStream("Decisioning.Host.Pages.site.css")
            ?? throw new InvalidOperationException("the embedded stylesheet Pages/site.css is missing");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
