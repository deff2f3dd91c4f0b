namespace Decisioning.Host.Pages.Charts;

/// <summary>The charts' colours by name: <c>blue</c> (the site's), <c>amber</c> (a second series), <c>band</c> (a planned range).</summary>
public static class ChartTones
{
    public const string Blue = "blue";
    public const string Amber = "amber";
    public const string Band = "band";

    public static string Fill(string tone) => tone switch
    {
        Amber => "#b36b00",
        Band => "#cfe3ef",
        _ => "#0b3d5c",
    };
}
