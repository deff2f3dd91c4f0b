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
    public void EveryAmountPrinted_IsOneOfTheDecisions(string name, string lang)
    {
        var letter = LetterCase.Load(name, lang);
        var (decision, html) = letter.Render();
        var allowed = LetterValues.Amounts(letter, decision);
        var printed = LetterValues.PrintedAmounts(html, lang).ToList();
        if (Repo.Snapshot.Policy.FindProgramme(decision.Programme)!.FindActivity(decision.Activity)!.Free)
        {
            Assert.IsEmpty(printed, $"{name} ({lang}) is about a free activity but prints amounts");
            return;
        }
        Assert.IsNotEmpty(printed, $"{name} ({lang}) prints no amount at all");
        foreach (var amount in printed)
        {
            Assert.Contains(amount, allowed, $"{name} ({lang}) prints {amount} DKK, which is none of the decision's or application's amounts");
        }
        var grant = letter.Final is { } final ? final.GrantDkk : decision.CoFinancing?.GrantDkk ?? 0;
        if (grant > 0 && (letter.Final?.Outcome ?? decision.Outcome) != "reject")
        {
            Assert.Contains(grant, printed, $"{name} ({lang}) does not print the grant");
        }
    }

    [TestMethod]
    [DynamicData(nameof(Cases))]
    public void EveryDatePrinted_IsOneOfTheDecisions(string name, string lang)
    {
        var letter = LetterCase.Load(name, lang);
        var (decision, html) = letter.Render();
        var allowed = LetterValues.Dates(letter, decision);
        var printed = LetterValues.PrintedDates(html, lang).ToList();
        Assert.IsNotEmpty(printed, $"{name} ({lang}) prints no date at all");
        foreach (var (text, date) in printed)
        {
            Assert.Contains(date, allowed, $"{name} ({lang}) prints the date '{text}', which is none of the decision's or application's dates");
        }
        Assert.Contains(letter.Dated, printed.Select(p => p.Date).ToList(), $"{name} ({lang}) is not dated {letter.Dated}");
    }

    [TestMethod]
    [DynamicData(nameof(Cases))]
    public void EveryPercentagePrinted_IsAShareScoreOrWeightOfTheDecision(string name, string lang)
    {
        var letter = LetterCase.Load(name, lang);
        var (decision, html) = letter.Render();
        var allowed = LetterValues.Percentages(decision);
        foreach (var (text, percent) in LetterValues.PrintedPercentages(html))
        {
            Assert.Contains(percent, allowed, $"{name} ({lang}) prints {text}");
        }
    }

    [TestMethod]
    [DynamicData(nameof(Cases))]
    public void NoPlaceholder_IsLeftUnrenderedOrEmpty(string name, string lang)
    {
        var (_, html) = LetterCase.Load(name, lang).Render();
        string[] never = ["{{", "}}", "{%", "<dd></dd>", "<li></li>", "<strong></strong>", "<p></p>", "()", " ,", " .", "  kr.", "kr..", "DKK  "];
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
        Assert.Contains("programmets andel på 50 % af projektets samlede udgifter på 240.000 kr.", html);
        Assert.Contains("CVR-nr. 31415926", html);
        Assert.Contains("Individuelle vækstforløb", html);
        Assert.Contains("Klagevejledning", html);
        Assert.Contains("senest 4 uger efter den dag, I har modtaget denne afgørelse", html);
    }

    [TestMethod]
    public void EnglishLetter_WritesAmountsAndDatesTheEnglishWay()
    {
        var (_, html) = LetterCase.Load("01-approve", "en").Render();
        Assert.Contains("<strong>DKK 120,000</strong>", html);
        Assert.Contains("Date: 16 March 2026", html);
        Assert.Contains("the programme's share of 50% of the project's total cost of DKK 240,000", html);
        Assert.Contains("Individual growth programme (private consultancy)", html);
        Assert.Contains("within 4 weeks of the day you received this decision", html);
    }

    [TestMethod]
    public void Rejection_CitesTheFactItTurnedOn_AndOffersTheOtherActivities()
    {
        var (_, da) = LetterCase.Load("04-reject-no-level", "da").Render();
        Assert.Contains("virksomhedens højeste score var 60 % (niveau B). På niveau B var dette kriterium ikke opfyldt: Vækstambition", da);
        Assert.Contains("Basecamps og workshopforløb: gratis for virksomheden", da);
        var (_, en) = LetterCase.Load("02-refer-committee-main-rule", "en").Render();
        Assert.Contains("founded on 15 January 2024 and was 2 years and 1 month old when the application was received", en);
        Assert.Contains("the company turns 3 on 15 January 2027", en);
        Assert.Contains("at least 3 years old", en);
    }

    [TestMethod]
    public void CompanyName_IsHtmlEscaped()
    {
        var letter = LetterCase.Load("01-approve", "da");
        letter = letter with { Application = letter.Application with { Company = letter.Application.Company with { Name = "Smith & <Søn> \"ApS\" 'Nord'" } } };
        var (_, html) = letter.Render();
        Assert.Contains("Smith &amp; &lt;Søn&gt; &quot;ApS&quot; &#39;Nord&#39;", html);
        Assert.DoesNotContain("<Søn>", html);
    }
}
