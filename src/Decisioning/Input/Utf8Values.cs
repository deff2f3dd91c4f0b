using System.Text.Json;
using Decisioning.Model;

namespace Decisioning.Input;

/// <summary>Values read straight from a JSON string's UTF-8 bytes, without making a string when they are good.</summary>
internal static class Utf8Values
{
    /// <summary>The scale's own string for the word under the reader, or null: a known word costs no allocation.</summary>
    public static string? KnownWord(ref Utf8JsonReader reader, EnumerationScale? scale)
    {
        if (scale is null || reader.ValueIsEscaped)
        {
            return null;
        }
        var utf8 = Utf8Words.GetValue(scale, s => [.. s.Words.Select(w => System.Text.Encoding.UTF8.GetBytes(w))]);
        for (var w = 0; w < utf8.Length; w++)
        {
            if (reader.ValueSpan.SequenceEqual(utf8[w]))
            {
                return scale.Words[w];
            }
        }
        return null;
    }

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<EnumerationScale, byte[][]> Utf8Words = new();

    /// <summary><c>yyyy-MM-dd</c> of a day that exists, as <c>DateOnly.TryParseExact</c> with that format reads it, without its cost.</summary>
    public static bool TryParseDate(ReadOnlySpan<byte> s, out DateOnly date)
    {
        date = default;
        if (s.Length != 10 || s[4] != (byte)'-' || s[7] != (byte)'-')
        {
            return false;
        }
        int year = Digits(s[..4]), month = Digits(s[5..7]), day = Digits(s[8..]);
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }
        date = new DateOnly(year, month, day);
        return true;
    }

    private static int Digits(ReadOnlySpan<byte> digits)
    {
        var n = 0;
        foreach (var d in digits)
        {
            if (d is < (byte)'0' or > (byte)'9')
            {
                return -1;
            }
            n = n * 10 + (d - '0');
        }
        return n;
    }
}
