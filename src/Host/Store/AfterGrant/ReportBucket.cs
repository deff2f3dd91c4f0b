namespace Decisioning.Host.Store;

/// <summary>The <see cref="ReportMeasures"/> of one activity of a programme in one month (<c>yyyy-MM</c>).</summary>
public sealed record ReportBucket(string Programme, string Activity, string Month, ReportMeasures Measures)
{
    /// <summary>The bucket's key in the store.</summary>
    public static string KeyOf(string programme, string activity, DateOnly day) => $"{programme}|{activity}|{MonthOf(day)}";

    /// <summary>The month of a day as buckets name it.</summary>
    public static string MonthOf(DateOnly day) => day.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
}
