using System.Text.Json.Nodes;
using Decisioning.Host.Pages;

namespace Decisioning.Browser.Tests;

/// <summary>The one amount reader of every page form, by the cases in <c>Cases/amounts.json</c>.</summary>
[TestClass]
public sealed class AmountInputTests
{
    public static IEnumerable<object?[]> Cases =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Cases", "amounts.json")))!["cases"]!.AsArray()
            .Select(c => new object?[] { (string)c!["typed"]!, c["kroner"] is null ? null : (decimal?)c["kroner"] });

    [TestMethod]
    [DynamicData(nameof(Cases))]
    public void Typed_amount_is_read_as_whole_kroner_or_refused(string typed, decimal? kroner) =>
        Assert.AreEqual(kroner, AmountInput.Parse(typed), $"'{typed}'");
}
