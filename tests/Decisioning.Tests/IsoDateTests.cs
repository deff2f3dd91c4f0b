using System.Globalization;
using System.Text;
using Decisioning.Input;

namespace Decisioning.Tests;

/// <summary>
/// The reader reads dates from the UTF-8 bytes (<see cref="IsoDate"/>), and the rule-set timeline picks a version by the
/// same reading of <c>submittedOn</c>: both must accept and refuse exactly what <c>DateOnly.TryParseExact</c> with
/// <c>yyyy-MM-dd</c> and the invariant culture does, to the day.
/// </summary>
[TestClass]
public sealed class IsoDateTests
{
    [TestMethod]
    [DataRow("2026-03-02")]
    [DataRow("2024-02-29")]
    [DataRow("2026-02-29")]
    [DataRow("0001-01-01")]
    [DataRow("0000-01-01")]
    [DataRow("9999-12-31")]
    [DataRow("2026-13-01")]
    [DataRow("2026-00-10")]
    [DataRow("2026-01-32")]
    [DataRow("2026-04-31")]
    [DataRow("2026-1-01")]
    [DataRow("2026-01-1")]
    [DataRow("20260101")]
    [DataRow("2026/01/01")]
    [DataRow("2026x01-01")]
    [DataRow("2026-01x01")]
    [DataRow(" 2026-01-01")]
    [DataRow("2026-01-01 ")]
    [DataRow("2026-01-01T00:00")]
    [DataRow("+026-01-01")]
    [DataRow("-026-01-01")]
    [DataRow("2026-01-0a")]
    [DataRow("٢٠٢٦-01-01")]
    [DataRow("２０２６-01-01")]
    [DataRow("")]
    public void ADate_IsReadAsDateOnlyTryParseExactReadsIt(string text)
    {
        var expected = DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : (DateOnly?)null;
        var actual = IsoDate.TryParse(Encoding.UTF8.GetBytes(text), out var read) ? read : (DateOnly?)null;
        Assert.AreEqual(expected, actual, text);
    }

    [TestMethod]
    public void EveryDayOfFourHundredYears_IsRead()
    {
        for (var d = new DateOnly(1900, 1, 1); d < new DateOnly(2300, 1, 1); d = d.AddDays(1))
        {
            Assert.IsTrue(IsoDate.TryParse(Encoding.ASCII.GetBytes(d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), out var read));
            Assert.AreEqual(d, read);
        }
    }
}
