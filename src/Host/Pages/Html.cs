using System.Globalization;
using System.Text.Encodings.Web;

namespace Decisioning.Host.Pages;

/// <summary>HTML encoding and formatting for the server-rendered pages: everything a caller typed is encoded.</summary>
internal static class Html
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);

    public static string E(string? text) => Encoder.Encode(text ?? "");

    public static string E(object? value) => E(value switch
    {
        null => "",
        decimal d => (d / 1.0000000000000000000000000000m).ToString(CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    });

    public static string Money(decimal? amount, string lang) => amount is null ? "–" : lang == "da"
        ? amount.Value.ToString("N0", CultureInfo.GetCultureInfo("da-DK")) + " kr."
        : "DKK " + amount.Value.ToString("N0", CultureInfo.GetCultureInfo("en-GB"));

    public static string Percent(decimal fraction) => (fraction * 100m / 1.0000000000000000000000000000m).ToString(CultureInfo.InvariantCulture) + " %";
}
