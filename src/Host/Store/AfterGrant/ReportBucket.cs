namespace Decisioning.Host.Store;

/// <summary>The <see cref="ReportMeasures"/> of one activity of a programme in one month (<c>yyyy-MM</c>).</summary>
public sealed record ReportBucket(string Programme, string Activity, string Month, ReportMeasures Measures)
{
    /// <summary>The bucket's key in the store.</summary>
    public static string KeyOf(string programme, string activity, DateOnly day) => $"{programme}|{activity}|{MonthOf(day)}";

    /// <summary>The key of a day's follow-ups due: programme, then the day, then the activity, so a programme's days are one key range.</summary>
    public static string DayKeyOf(string programme, string activity, DateOnly day) => $"{programme}|{Day(day)}|{activity}";

    /// <summary>The first key of a programme's day on or after <paramref name="day"/>.</summary>
    public static string DayKeyFrom(string programme, DateOnly day) => $"{programme}|{Day(day)}|";

    /// <summary>A day as keys name it.</summary>
    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The month of a day as buckets name it.</summary>
    public static string MonthOf(DateOnly day) => day.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
}
