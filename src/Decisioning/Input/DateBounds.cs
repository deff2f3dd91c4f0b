using System.Globalization;

namespace Decisioning.Input;

/// <summary>
/// The dates an application may hold: 1800-01-01 to 2199-12-31. Not policy but sanity: a date at the end of the
/// calendar (9999-12-31) made date arithmetic in the rules (a follow-up two months after the planned end, P8.4)
/// overflow, and an input must be refused as bad input, not turn into a rule that cannot be evaluated.
/// </summary>
public static class DateBounds
{
    public static readonly DateOnly Earliest = new(1800, 1, 1);
    public static readonly DateOnly Latest = new(2199, 12, 31);

    /// <summary>Why <paramref name="date"/> is out of bounds, or null when it is within them.</summary>
    public static string? Problem(DateOnly date) =>
        date < Earliest || date > Latest
            ? $"must be a date from {Earliest.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} to {Latest.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}, not {date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}"
            : null;
}
