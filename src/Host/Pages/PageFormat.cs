using System.Globalization;

namespace Decisioning.Host.Pages;

/// <summary>Amounts, numbers, percentages, dates and times as the page's language writes them.</summary>
public static class PageFormat
{
    /// <summary>Whole kroner: <c>1.234.567 kr.</c> in Danish, <c>DKK 1,234,567</c> in English; a dash for none.</summary>
    public static string Money(decimal? amount, string lang) => amount is null
        ? "–"
        : lang == PageLanguage.English
            ? "DKK " + amount.Value.ToString("N0", PageLanguage.Culture(lang))
            : amount.Value.ToString("N0", PageLanguage.Culture(lang)) + " kr.";

    /// <summary>A number with as many decimals as it has (trailing zeros dropped): <c>2,5</c> in Danish.</summary>
    public static string Number(decimal value, string lang) =>
        (value / 1.0000000000000000000000000000m).ToString("#,##0.############", PageLanguage.Culture(lang));

    /// <summary>A fraction as a percentage: 0.009 is <c>0,9 %</c> in Danish, <c>0.9%</c> in English.</summary>
    public static string Percent(decimal fraction, string lang) =>
        Number(fraction * 100m, lang) + (lang == PageLanguage.English ? "%" : " %");

    /// <summary>A date: <c>1. december 2026</c> in Danish, <c>1 December 2026</c> in English.</summary>
    public static string Date(DateOnly? date, string lang) => date is null
        ? "–"
        : date.Value.ToString(lang == PageLanguage.English ? "d MMMM yyyy" : "d. MMMM yyyy", PageLanguage.Culture(lang));

    /// <summary>A moment in Copenhagen time: <c>1. december 2026 kl. 20.05</c> in Danish, <c>1 December 2026 20:05</c> in English.</summary>
    public static string Time(DateTimeOffset? moment, string lang)
    {
        if (moment is null)
        {
            return "–";
        }
        var local = Copenhagen(moment.Value);
        var culture = PageLanguage.Culture(lang);
        return lang == PageLanguage.English
            ? local.ToString("d MMMM yyyy HH:mm", culture)
            : local.ToString("d. MMMM yyyy 'kl.' HH.mm", culture);
    }

    /// <summary>The moment in Europe/Copenhagen.</summary>
    public static DateTimeOffset Copenhagen(DateTimeOffset moment) => TimeZoneInfo.ConvertTime(moment, PageLanguage.TimeZone);

    /// <summary>The machine-readable form for a <c>&lt;time datetime&gt;</c> attribute.</summary>
    public static string MachineTime(DateTimeOffset moment) => Copenhagen(moment).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
}
