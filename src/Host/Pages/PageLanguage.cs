using System.Globalization;

namespace Decisioning.Host.Pages;

/// <summary>
/// The pages' two languages: <c>da</c> (the default) and <c>en</c>, each with the culture its numbers, amounts and dates
/// are written in (da-DK: <c>1.234.567 kr.</c>, <c>0,9 %</c>; en-GB: <c>DKK 1,234,567</c>, <c>0.9%</c>) and times in
/// Europe/Copenhagen.
/// </summary>
public static class PageLanguage
{
    public const string Danish = "da";
    public const string English = "en";

    private static readonly CultureInfo DanishCulture = CultureInfo.GetCultureInfo("da-DK");
    private static readonly CultureInfo EnglishCulture = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>The time zone the pages show times in (the programme is Danish).</summary>
    public static TimeZoneInfo TimeZone { get; } = TimeZoneInfo.FindSystemTimeZoneById("Europe/Copenhagen");

    /// <summary>The page language of a query word: <c>en</c> for "en", else Danish.</summary>
    public static string Of(string? lang) => lang == English ? English : Danish;

    /// <summary>The other language (for the language switch).</summary>
    public static string Other(string lang) => lang == English ? Danish : English;

    /// <summary>The formatting culture of a page language.</summary>
    public static CultureInfo Culture(string lang) => lang == English ? EnglishCulture : DanishCulture;

    /// <summary>The resource culture of a page language (the .resx lookup).</summary>
    public static CultureInfo UiCulture(string lang) => CultureInfo.GetCultureInfo(Of(lang));
}
