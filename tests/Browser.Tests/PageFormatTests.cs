using System.Globalization;
using System.Text.Json.Nodes;
using Decisioning.Host.Pages;

namespace Decisioning.Browser.Tests;

/// <summary>The pages' numbers, amounts, percentages, dates and times, by the cases in <c>Cases/formats.json</c>.</summary>
[TestClass]
public sealed class PageFormatTests
{
    public static IEnumerable<object[]> Cases =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Cases", "formats.json")))!["cases"]!.AsArray()
            .Select(c => new object[] { (string)c!["kind"]!, (string)c["value"]!, (string)c["lang"]!, (string)c["shown"]! });

    [TestMethod]
    [DynamicData(nameof(Cases))]
    public void Value_is_written_as_the_pages_language_writes_it(string kind, string value, string lang, string shown)
    {
        var written = kind switch
        {
            "money" => PageFormat.Money(decimal.Parse(value, CultureInfo.InvariantCulture), lang),
            "percent" => PageFormat.Percent(decimal.Parse(value, CultureInfo.InvariantCulture), lang),
            "number" => PageFormat.Number(decimal.Parse(value, CultureInfo.InvariantCulture), lang),
            "time" => PageFormat.Time(DateTimeOffset.Parse(value, CultureInfo.InvariantCulture), lang),
            "date" => PageFormat.Date(DateOnly.Parse(value, CultureInfo.InvariantCulture), lang),
            _ => throw new AssertFailedException("unknown kind " + kind),
        };
        Assert.AreEqual(shown, written.Replace('\u00a0', ' '));
    }
}
