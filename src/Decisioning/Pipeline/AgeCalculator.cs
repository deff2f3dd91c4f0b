namespace Decisioning.Pipeline;

/// <summary>
/// Completed years between two dates. A company founded on 29 February completes a year on 1 March in years that
/// have no 29 February (the anniversary is compared by month and day).
/// </summary>
public static class AgeCalculator
{
    /// <summary>Completed years from <paramref name="from"/> to <paramref name="on"/>, never negative.</summary>
    public static int CompletedYears(DateOnly from, DateOnly on)
    {
        var years = on.Year - from.Year;
        if (on.Month < from.Month || (on.Month == from.Month && on.Day < from.Day))
        {
            years--;
        }
        return Math.Max(0, years);
    }
}
