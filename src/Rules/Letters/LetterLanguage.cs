using System.Globalization;
using Decisioning.Rules.Letters.Model;

namespace Decisioning.Rules.Letters;

/// <summary>
/// How one letter language writes amounts, dates and percentages: a .NET culture (<c>da-DK</c>: <c>120.000 kr.</c>,
/// <c>2. marts 2026</c>, <c>50 %</c>), optionally with another currency symbol and pattern (<c>DKK 120,000</c>).
/// </summary>
public sealed class LetterLanguage
{
    private readonly NumberFormatInfo _numbers;

    /// <summary>Creates a language from its culture; <paramref name="currencySymbol"/> and <paramref name="currencyPositivePattern"/> override the culture's.</summary>
    public LetterLanguage(string code, CultureInfo culture, string dateFormat, string? currencySymbol = null, int? currencyPositivePattern = null)
    {
        Code = code;
        Culture = culture;
        DateFormat = dateFormat;
        var numbers = (NumberFormatInfo)culture.NumberFormat.Clone();
        if (currencySymbol is not null)
        {
            numbers.CurrencySymbol = currencySymbol;
        }
        if (currencyPositivePattern is { } pattern)
        {
            numbers.CurrencyPositivePattern = pattern;
        }
        _numbers = NumberFormatInfo.ReadOnly(numbers);
    }

    /// <summary>
    /// Where a sentence ends on an amount whose currency symbol ends with a full stop (<c>120.000 kr.</c>), the symbol's
    /// stop ends the sentence too: returns the text with the doubled stop removed (<c>kr..</c> to <c>kr.</c>).
    /// </summary>
    public string OneFullStop(string html) =>
        _numbers.CurrencySymbol.EndsWith('.') ? html.Replace(_numbers.CurrencySymbol + ".", _numbers.CurrencySymbol, StringComparison.Ordinal) : html;

    /// <summary><c>da</c> or <c>en</c>.</summary>
    public string Code { get; }

    public CultureInfo Culture { get; }

    /// <summary>A .NET custom date pattern, e.g. <c>d. MMMM yyyy</c>.</summary>
    public string DateFormat { get; }

    /// <summary>Whole kroner in the culture's currency format.</summary>
    public LetterAmount Amount(decimal dkk) => new(dkk, dkk.ToString("C0", _numbers));

    public LetterAmount? Amount(decimal? dkk) => dkk is { } d ? Amount(d) : null;

    public LetterDate Date(DateOnly date) => new(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), date.ToString(DateFormat, Culture));

    public LetterDate? Date(DateOnly? date) => date is { } d ? Date(d) : null;

    /// <summary>A share as a percentage, whole percent unless the share needs a decimal (<c>33 %</c>, <c>12,5 %</c>).</summary>
    public LetterPercent Percent(decimal fraction) =>
        new(fraction, fraction.ToString(decimal.Round(fraction * 100) == fraction * 100 ? "P0" : "P1", _numbers));
}
