using System.Runtime.CompilerServices;
using System.Text.Json;
using Decisioning.Model;

namespace Decisioning.Input;

/// <summary>Values read straight from a JSON string's UTF-8 bytes, without making a string when they are good.</summary>
internal static class Utf8Values
{
    /// <summary>The word under the reader on its scale (the scale's own string and rank), or null: a known word costs no string.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static Ordinal? KnownWord(ref Utf8JsonReader reader, EnumerationScale? scale)
    {
        if (scale is null || reader.ValueIsEscaped)
        {
            return null;
        }
        var utf8 = scale.Utf8Words;
        var value = reader.ValueSpan;
        for (var w = 0; w < utf8.Length; w++)
        {
            if (value.SequenceEqual(utf8[w]))
            {
                return new Ordinal(scale, scale.Words[w], w);
            }
        }
        return null;
    }

    /// <summary><c>yyyy-MM-dd</c> of a day that exists, as <c>DateOnly.TryParseExact</c> with that format reads it, without its cost.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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
