using Decisioning.Letters.Tests.Support;

namespace Decisioning.Letters.Tests;

/// <summary>
/// Every letter case, in both languages, is compared with its checked-in letter <c>tests/Letters/NAME.LANG.golden.html</c>.
/// An intended wording change regenerates them with <c>UPDATE_GOLDEN=1 dotnet test</c> and commits them with the change.
/// The decision id and rule-set hash, which change with every edit of rules/ or templates/, are written as placeholders
/// (other tests check that the real ones are printed).
/// </summary>
[TestClass]
public sealed class GoldenLetterTests
{
    private static bool Update => Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1";

    public static IEnumerable<object[]> Cases => LetterCase.All();

    [TestMethod]
    [DynamicData(nameof(Cases))]
    public void Letter_MatchesItsGoldenFile(string name, string lang)
    {
        var (decision, letter) = LetterCase.Load(name, lang).Render();
        var html = Normalise(letter, decision);
        var golden = Path.Combine(Repo.Letters, $"{name}.{lang}.golden.html");
        if (Update)
        {
            File.WriteAllText(golden, html);
            return;
        }
        Assert.IsTrue(File.Exists(golden), $"{golden} is missing: run UPDATE_GOLDEN=1 dotnet test to write it, then review and commit it");
        Assert.AreEqual(File.ReadAllText(golden), html, $"{name} ({lang}) differs from {golden}; if the change is intended, regenerate with UPDATE_GOLDEN=1");
    }

    /// <summary>The letter with its decision id and short rule-set hash replaced by fixed placeholders.</summary>
    internal static string Normalise(string html, Decisioning.Output.Decision decision) =>
        html.Replace(decision.DecisionId, "dec-(decision-id)", StringComparison.Ordinal)
            .Replace(Decisioning.Rules.Letters.LetterModelBuilder.ShortHash(decision.RuleSet.Hash), "(hash)", StringComparison.Ordinal);

    [TestMethod]
    public void EveryGoldenFile_HasACase()
    {
        var expected = LetterCase.All().Select(c => $"{c[0]}.{c[1]}.golden.html").ToHashSet();
        var stray = Directory.EnumerateFiles(Repo.Letters, "*.golden.html").Select(Path.GetFileName).Where(f => !expected.Contains(f!)).ToList();
        Assert.IsEmpty(stray, "golden files without a case: " + string.Join(", ", stray));
        Assert.IsGreaterThanOrEqualTo(34, expected.Count);
    }
}
