using System.Globalization;
using System.Text.RegularExpressions;
using Decisioning.Letters.Tests.Support;

namespace Decisioning.Letters.Tests;

/// <summary>What every letter must say, whatever the wording: its reasons, the decision's own amounts, nothing left unrendered.</summary>
[TestClass]
public sealed partial class LetterContentTests
{
    public static IEnumerable<object[]> Cases => LetterCase.All();

    [TestMethod]
    [DynamicData(nameof(Cases))]
    public void EveryReasonId_AppearsInTheLetter(string name, string lang)
    {
        var (decision, html) = LetterCase.Load(name, lang).Render();
        foreach (var reason in decision.Reasons)
        {
            Assert.Contains($"<span class=\"clause\">{reason.Id}</span>", html, $"{name} ({lang}) does not cite {reason.Id}");
        }
    }

    [TestMethod]
    [DynamicData(nameof(Cases))]
    public void EveryAmountPrinted_IsOneOfTheDecisionsOrTheApplications(string name, string lang)
    {
        var letter = LetterCase.Load(name, lang);
        var (decision, html) = letter.Render();
        var check = letter.Check();
        var c = decision.CoFinancing;
        var p = letter.Application.Project!;
        decimal?[] known =
        [
            c?.EligibleDkk, c?.GrantDkk, c?.LevelCapDkk, c?.LevelCapRemainingDkk, c?.LifetimeCapDkk, c?.LifetimeCapRemainingDkk,
            c?.BudgetRemainingDkk, c?.SelfFundingRequiredDkk, p.TotalCostDkk, p.OwnCashDkk, p.RequestedDkk,
            .. check.Offers.Select(o => o.MaxGrantDkk),
        ];
        var allowed = known.OfType<decimal>().ToHashSet();
        var printed = Amounts(html, lang).ToList();
        Assert.IsNotEmpty(printed, $"{name} ({lang}) prints no amount at all");
        foreach (var amount in printed)
        {
            Assert.Contains(amount, allowed, $"{name} ({lang}) prints {amount} DKK, which is none of the decision's or application's amounts");
        }
        if (c is { GrantDkk: > 0 } && decision.Outcome != "reject")
        {
            Assert.Contains(c.GrantDkk, printed, $"{name} ({lang}) does not print the grant");
        }
    }

    [TestMethod]
    [DynamicData(nameof(Cases))]
    public void EveryPercentagePrinted_IsAShareOrScoreOfTheDecision(string name, string lang)
    {
        var letter = LetterCase.Load(name, lang);
        var (decision, html) = letter.Render();
        var programme = Repo.Snapshot.Policy.FindProgramme(decision.Programme)!;
        var allowed = decision.Scores.Values.Append(programme.PassMark)
            .Concat(programme.Activities.Select(a => a.Share))
            .Select(f => f * 100).ToHashSet();
        foreach (Match m in Percent().Matches(html))
        {
            Assert.Contains(decimal.Parse(m.Groups[1].Value.Replace(",", "."), CultureInfo.InvariantCulture), allowed, $"{name} ({lang}) prints {m.Value}");
        }
    }

    [TestMethod]
    [DynamicData(nameof(Cases))]
    public void NoPlaceholder_IsLeftUnrenderedOrEmpty(string name, string lang)
    {
        var (_, html) = LetterCase.Load(name, lang).Render();
        string[] never = ["{{", "}}", "{%", "<dd></dd>", "<li></li>", "<strong></strong>", "<p></p>", "()", " ,", " .", "  kr.", "kr..", "DKK  ", "&#39;"];
        foreach (var bad in never)
        {
            Assert.DoesNotContain(bad, html, $"{name} ({lang}) contains '{bad}'");
        }
    }

    [TestMethod]
    [DynamicData(nameof(Cases))]
    public void Letter_IsAnHtmlDocumentInItsLanguage_WithOneHeading(string name, string lang)
    {
        var (decision, html) = LetterCase.Load(name, lang).Render();
        Assert.StartsWith("<!DOCTYPE html>\n<html lang=\"" + lang + "\">", html);
        Assert.AreEqual(1, Regex.Count(html, "<h1>"));
        Assert.Contains("<title>", html);
        Assert.Contains(decision.DecisionId, html);
        Assert.Contains(decision.RuleSet.Version, html);
        Assert.Contains(decision.RuleSet.Hash["sha256:".Length..][..8], html);
        Assert.AreEqual(Regex.Count(html, "<section"), Regex.Count(html, "</section>"));
        Assert.AreEqual(Regex.Count(html, "<ul>"), Regex.Count(html, "</ul>"));
    }

    [TestMethod]
    public void DanishLetter_WritesAmountsDatesAndPercentagesTheDanishWay()
    {
        var (_, html) = LetterCase.Load("01-approve", "da").Render();
        Assert.Contains("<strong>120.000 kr.</strong>", html);
        Assert.Contains("Dato: 16. marts 2026", html);
        Assert.Contains("Ansøgning modtaget</dt><dd>2. marts 2026", html);
        Assert.Contains("dækker 50 % af", html);
        Assert.Contains("CVR-nr. 31415926", html);
        Assert.Contains("Individuelle vækstforløb", html);
        Assert.Contains("Klagevejledning", html);
        Assert.Contains("senest 13. april 2026, 4 uger", html);
    }

    [TestMethod]
    public void EnglishLetter_WritesAmountsAndDatesTheEnglishWay()
    {
        var (_, html) = LetterCase.Load("01-approve", "en").Render();
        Assert.Contains("<strong>DKK 120,000</strong>", html);
        Assert.Contains("Date: 16 March 2026", html);
        Assert.Contains("covers 50% of", html);
        Assert.Contains("Individual growth programme (private consultancy)", html);
        Assert.Contains("by 13 April 2026, 4 weeks", html);
    }

    [TestMethod]
    public void Rejection_CitesTheFactItTurnedOn_AndOffersTheOtherActivities()
    {
        var (_, da) = LetterCase.Load("04-reject-no-level", "da").Render();
        Assert.Contains("den højeste score var 60 %", da);
        Assert.Contains("Basecamps og workshopforløb: gratis for virksomheden", da);
        var (_, en) = LetterCase.Load("02-refer-committee-main-rule", "en").Render();
        Assert.Contains("founded on 15 January 2024, 2 years and 1 month before the application", en);
        Assert.Contains("at least 3 years old", en);
    }

    [TestMethod]
    public void CompanyName_IsHtmlEscaped()
    {
        var letter = LetterCase.Load("01-approve", "da");
        letter = letter with { Application = letter.Application with { Company = letter.Application.Company with { Name = "Smith & <Søn> \"ApS\"" } } };
        var (_, html) = letter.Render();
        Assert.Contains("Smith &amp; &lt;Søn&gt; &quot;ApS&quot;", html);
        Assert.DoesNotContain("<Søn>", html);
    }

    private static IEnumerable<decimal> Amounts(string html, string lang) =>
        (lang == "da" ? DanishAmount() : EnglishAmount()).Matches(html)
            .Select(m => decimal.Parse(m.Groups[1].Value.Replace(".", "").Replace(",", ""), CultureInfo.InvariantCulture));

    [GeneratedRegex(@"(\d{1,3}(?:\.\d{3})*) kr\.")]
    private static partial Regex DanishAmount();

    [GeneratedRegex(@"DKK (\d{1,3}(?:,\d{3})*)")]
    private static partial Regex EnglishAmount();

    [GeneratedRegex(@"(\d+(?:[.,]\d+)?) ?%")]
    private static partial Regex Percent();
}
