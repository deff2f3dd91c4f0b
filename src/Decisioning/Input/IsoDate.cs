namespace Decisioning.Input;

/// <summary>
/// A <c>yyyy-MM-dd</c> date read from UTF-8 bytes exactly as the application reader reads it: as
/// <c>DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture)</c> would, without making a string
/// (<c>IsoDateTests</c> holds the two equal).
/// </summary>
public static class IsoDate
{
    /// <summary>True for ten bytes <c>yyyy-MM-dd</c> naming a day that exists.</summary>
    public static bool TryParse(ReadOnlySpan<byte> utf8, out DateOnly date) => Utf8Values.TryParseDate(utf8, out date);
}
