using System.Xml.Linq;
using Decisioning.Browser.Tests.Support;

namespace Decisioning.Browser.Tests;

/// <summary>The pages' texts exist in both languages: every key of <c>PageTexts.resx</c> (Danish) is in <c>PageTexts.en.resx</c> and back.</summary>
[TestClass]
public sealed class PageTextsTests
{
    [TestMethod]
    public void Every_text_is_in_Danish_and_in_English()
    {
        static IReadOnlySet<string> Keys(string file) =>
            XDocument.Load(Path.Combine(Path.GetDirectoryName(RepoFolders.DanishTexts)!, file)).Root!.Elements("data")
                .Where(d => !string.IsNullOrWhiteSpace((string?)d.Element("value"))).Select(d => (string)d.Attribute("name")!).ToHashSet();
        var danish = Keys("PageTexts.resx");
        var english = Keys("PageTexts.en.resx");
        Assert.IsGreaterThan(100, danish.Count);
        Assert.IsEmpty(danish.Except(english).Order().ToList(), "texts with no English");
        Assert.IsEmpty(english.Except(danish).Order().ToList(), "texts with no Danish");
    }
}
