using System.Text.Json.Nodes;
using Decisioning.Host.Cli;
using Decisioning.Letters.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Decisioning.Letters.Tests;

/// <summary><c>decisioning decide FILE --letter [--lang da|en]</c> prints the letter instead of the decision JSON, dated by the clock.</summary>
[TestClass]
public sealed class LetterCommandTests
{
    private static (int Exit, string Out, string Err) Run(string lang, params string[] extra)
    {
        var file = Path.Combine(Path.GetTempPath(), "letter-" + Guid.NewGuid().ToString("N") + ".json");
        var node = JsonNode.Parse(File.ReadAllText(Path.Combine(Repo.Letters, "cases", "01-approve.json")))!;
        File.WriteAllText(file, node["application"]!.ToJsonString());
        try
        {
            var options = CliOptions.Parse(["decide", file, "--letter", "--lang", lang, "--rules", Repo.Rules, "--templates", Repo.Templates, .. extra]);
            var stdout = new StringWriter();
            var stderr = new StringWriter();
            var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 16, 9, 0, 0, TimeSpan.Zero)) { };
            clock.SetLocalTimeZone(TimeZoneInfo.Utc);
            var exit = new Commands(options, TextReader.Null, stdout, stderr) { Time = clock }.Decide(check: false);
            return (exit, stdout.ToString(), stderr.ToString());
        }
        finally
        {
            File.Delete(file);
        }
    }

    [TestMethod]
    public void DecideLetter_PrintsTheDanishLetter_DatedToday()
    {
        var (exit, output, error) = Run("da");
        Assert.AreEqual(0, exit, error);
        Assert.StartsWith("<!DOCTYPE html>", output);
        Assert.Contains("Dato: 16. marts 2026", output);
        var (decision, _) = LetterCase.Load("01-approve", "da").Render();
        Assert.AreEqual(File.ReadAllText(Path.Combine(Repo.Letters, "01-approve.da.golden.html")), GoldenLetterTests.Normalise(output, decision));
    }

    [TestMethod]
    public void DecideLetter_InEnglish_PrintsTheEnglishLetter()
    {
        var (exit, output, _) = Run("en");
        Assert.AreEqual(0, exit);
        Assert.Contains("<html lang=\"en\">", output);
        Assert.Contains("Date: 16 March 2026", output);
    }

    [TestMethod]
    public void DecideLetter_WithABrokenTemplatesFolder_FailsWithTheFileNamed()
    {
        using var set = new TempRuleSet();
        set.Edit("shared/da/footer.html.scriban", "<footer>", "<footer>{{ nosuchvariable }}");
        var (exit, output, error) = Run("da", "--rules", set.Rules, "--templates", set.Templates);
        Assert.AreEqual(1, exit);
        Assert.AreEqual("", output);
        Assert.Contains("templates/shared/da/footer.html.scriban", error);
    }
}
