using System.Net;
using System.Text.RegularExpressions;
using Decisioning.Letters.Tests.Support;
using Decisioning.Output;

namespace Decisioning.Letters.Tests;

/// <summary>
/// What forvaltningsloven §§ 22-25 and plain-language practice ask of every letter, checked on every case in both
/// languages: each reason states the facts it turned on, a referral notice is not a decision (no complaint guidance),
/// a decision names the complaint body, its address and the deadline, no deadline lies in the past, no machine word of
/// the vocabularies reaches a Danish letter, a draft says it is one and a final letter is signed by the body that decided.
/// </summary>
[TestClass]
public sealed partial class LetterLawTests
{
    public static IEnumerable<object[]> Cases => LetterCase.All();

    public static IEnumerable<object[]> DanishCases => LetterCase.All().Where(c => (string)c[1] == "da");

    private static bool IsNotice(LetterCase letter, Decision decision) =>
        letter.Final is null && decision.Outcome.StartsWith("refer-", StringComparison.Ordinal);

    [TestMethod]
    [DynamicData(nameof(Cases))]
    public void EveryReason_ShowsTheFactsItTurnedOn(string name, string lang)
    {
        var letter = LetterCase.Load(name, lang);
        var (decision, html) = letter.Render();
        foreach (var reason in decision.Reasons)
        {
            var item = ReasonItem(html, reason.Id);
            Assert.IsNotNull(item, $"{name} ({lang}) has no reason item for {reason.Id}");
            foreach (var fact in ReasonFacts.For(reason.Id, letter, decision, lang))
            {
                Assert.Contains(fact, item, $"{name} ({lang}): the reason {reason.Id} does not state the fact '{fact}': {item}");
            }
            Assert.DoesNotContain(reason.Id + ":", item, $"{name} ({lang}) leads the reason with its clause id instead of citing the document");
            Assert.IsTrue(item.Contains("GLOBALmidt 2.0", StringComparison.Ordinal) || item.Contains("Vækstunivers", StringComparison.Ordinal),
                $"{name} ({lang}): the reason {reason.Id} does not name the programme document it rests on: {item}");
        }
    }

    [TestMethod]
    [DynamicData(nameof(Cases))]
    public void ReferralNotice_CarriesNoComplaintGuidance_ButSaysWhoDecidesAndByWhen(string name, string lang)
    {
        var letter = LetterCase.Load(name, lang);
        var (decision, html) = letter.Render();
        var complaint = Repo.Snapshot.Letters.Settings!;
        if (IsNotice(letter, decision))
        {
            Assert.DoesNotContain("id=\"complaint\"", html, $"{name} ({lang}) is a notice but carries complaint guidance");
            Assert.DoesNotContain(complaint.ComplaintEmail, html, $"{name} ({lang}) is a notice but names the complaint address");
            var by = letter.Dated.AddDays(7 * complaint.ReferralAnswerWeeks);
            Assert.Contains(by, LetterValues.PrintedDates(html, lang).Select(d => d.Date).ToList(), $"{name} ({lang}) does not say by when the case is decided");
            var body = decision.Outcome == "refer-to-growth-panel" ? (lang == "da" ? "vækstpanelet" : "growth panel") : (lang == "da" ? "bevillingsudvalget" : "grant committee");
            Assert.Contains(body, html, $"{name} ({lang}) does not say who decides");
        }
        else
        {
            Assert.Contains("id=\"complaint\"", html, $"{name} ({lang}) is a decision without complaint guidance");
            Assert.Contains(complaint.ComplaintRecipient[lang], WebUtility.HtmlDecode(html), $"{name} ({lang}) does not name the complaint body");
            Assert.Contains(complaint.ComplaintAddress, WebUtility.HtmlDecode(html), $"{name} ({lang}) does not give the complaint body's address");
            Assert.Contains(complaint.ComplaintEmail, html);
            Assert.Contains($"{complaint.ComplaintDeadlineWeeks} {(lang == "da" ? "uger" : "weeks")}", html, $"{name} ({lang}) gives no complaint deadline");
            Assert.AreNotEqual(complaint.ComplaintRecipient[lang], complaint.Label("body", decision.DecisionBody, lang),
                "the complaint goes to the body that decided");
        }
    }

    [TestMethod]
    [DynamicData(nameof(Cases))]
    public void NoDeadline_LiesBeforeTheLettersDate(string name, string lang)
    {
        var letter = LetterCase.Load(name, lang);
        var (_, html) = letter.Render();
        var text = Text(html);
        foreach (var (date, at) in LetterValues.PrintedDates(text, lang).Select(d => (d.Date, text.IndexOf(d.Text, StringComparison.Ordinal))))
        {
            var before = text[Math.Max(0, at - 12)..at];
            if (before.EndsWith(lang == "da" ? "senest " : "by ", StringComparison.Ordinal))
            {
                Assert.IsGreaterThanOrEqualTo(letter.Dated, date, $"{name} ({lang}) presents {date} as a deadline on a letter dated {letter.Dated}");
            }
        }
    }

    [TestMethod]
    [DynamicData(nameof(DanishCases))]
    public void DanishLetter_HasNoMachineWordOfTheVocabularies(string name, string lang)
    {
        var letter = LetterCase.Load(name, lang);
        var (_, html) = letter.Render();
        var text = Text(html);
        var settings = Repo.Snapshot.Letters.Settings!;
        // what the application itself wrote is quoted as written; the labels are the Danish words for the machine words
        var quoted = new[] { letter.Application.Company.Name, settings.GrowthHouse }
            .Concat(letter.Application.Project?.Milestones.Select(m => m.Name) ?? [])
            .Concat(settings.Labels.Values.SelectMany(v => v.Values).Select(l => l["da"]));
        foreach (var q in quoted.OrderByDescending(q => q.Length))
        {
            text = text.Replace(q, " ", StringComparison.Ordinal);
        }
        foreach (var word in MachineWords())
        {
            Assert.IsFalse(Regex.IsMatch(text, $@"(?<![\w-]){Regex.Escape(word)}(?![\w-])"), $"{name} (da) prints the machine word '{word}'");
        }
    }

    [TestMethod]
    [DynamicData(nameof(Cases))]
    public void DraftIsMarked_AndAFinalLetterIsSignedByTheBodyThatDecided(string name, string lang)
    {
        var letter = LetterCase.Load(name, lang);
        var (_, html) = letter.Render();
        if (letter.Final is not { } final)
        {
            Assert.Contains("class=\"draft\"", html, $"{name} ({lang}) is the recommendation's letter but not marked as a draft");
            return;
        }
        Assert.DoesNotContain("class=\"draft\"", html, $"{name} ({lang}) is a final letter marked as a draft");
        var signer = Repo.Snapshot.Letters.Settings!.Label("body", final.Body, lang)!;
        var footer = html[html.IndexOf("<footer>", StringComparison.Ordinal)..];
        Assert.Contains(signer + ", ", footer, $"{name} ({lang}) is not signed by {signer}");
        if (final.DepartsFromRecommendation)
        {
            Assert.Contains(final.Justification!, WebUtility.HtmlDecode(html), $"{name} ({lang}) overrides the recommendation without stating the justification");
        }
    }

    [TestMethod]
    public void GrantBoundOnlyByTheRequest_IsAFullApproval_NeverReduced()
    {
        var (decision, da) = LetterCase.Load("10-reduced-requested", "da").Render();
        Assert.AreEqual("requested", decision.CoFinancing!.BindingLimit);
        Assert.Contains("<h1>Tilsagn om medfinansiering</h1>", da);
        Assert.DoesNotContain("nedsat", da);
        var (_, en) = LetterCase.Load("10-reduced-requested", "en").Render();
        Assert.DoesNotContain("educed", en);
    }

    [TestMethod]
    public void FreeBasecampLetter_SaysWhatTheCompanyGets_WithoutGrantLanguage()
    {
        var (_, da) = LetterCase.Load("16-approve-free-basecamp", "da").Render();
        var text = Text(da).ToLowerInvariant();
        foreach (var word in new[] { "tilsagn", "medfinansiering", "tilskud", " kr." })
        {
            Assert.DoesNotContain(word, text, $"the free basecamp letter speaks of '{word}'");
        }
        Assert.Contains("gratis", text);
        var (_, en) = LetterCase.Load("16-approve-free-basecamp", "en").Render();
        foreach (var word in new[] { "co-financ", "grant ", "dkk " })
        {
            Assert.DoesNotContain(word, Text(en).ToLowerInvariant().Replace("grant committee", "committee", StringComparison.Ordinal), $"the free basecamp letter speaks of '{word}'");
        }
    }

    [TestMethod]
    public void CompanyShortOfTheMinimumAge_IsToldTheDateItTurnsThree_AndThatExceptionsExist()
    {
        var (_, da) = LetterCase.Load("15-reject-several-failures", "da").Render();
        var (_, en) = LetterCase.Load("02-refer-committee-main-rule", "en").Render();
        Assert.Contains("the company turns 3 on 15 January 2027", en);
        if (da.Contains("<span class=\"clause\">P1.3</span>", StringComparison.Ordinal))
        {
            Assert.Contains("Hovedreglen kan fraviges", da);
        }
    }

    [TestMethod]
    [DynamicData(nameof(Cases))]
    public void Alternatives_OfferWhatTheCompanyCouldGet_NeverAWholeActivityBudget(string name, string lang)
    {
        var letter = LetterCase.Load(name, lang);
        var (decision, _) = letter.Render();
        var programme = Repo.Snapshot.Policy.FindProgramme(decision.Programme)!;
        foreach (var offer in letter.Check().Offers.Where(o => o.Eligible && o.MaxGrantDkk is > 0))
        {
            var activity = programme.FindActivity(offer.Activity)!;
            if (activity.Collective)
            {
                Assert.IsLessThan(activity.BudgetDkk, offer.MaxGrantDkk!.Value, $"{name} ({lang}) offers the whole budget of {activity.Id} (P6.6)");
            }
        }
    }

    /// <summary>The machine words of the rule set's vocabularies, outcomes, limits, bodies and scorecard criteria.</summary>
    private static IEnumerable<string> MachineWords()
    {
        var settings = Repo.Snapshot.Letters.Settings!;
        var policy = Repo.Snapshot.Policy;
        var programmes = policy.Programmes.Values;
        return settings.Labels.Values.SelectMany(v => v.Keys)
            .Concat(programmes.SelectMany(p => p.Criteria.Select(c => c.Name)))
            .Concat(programmes.SelectMany(p => p.Limits.Select(l => l.Name)))
            .Concat(programmes.SelectMany(p => p.Outcomes.Select(o => o.Outcome)))
            .Concat(programmes.SelectMany(p => p.Activities.Select(a => a.Id)))
            .Concat(ScaleWords())
            .Where(w => w.Length > 1 && w is not "budget")
            .Distinct();
    }

    private static IEnumerable<string> ScaleWords()
    {
        var file = Path.Combine(Repo.Rules, "framework", "enumerations.json");
        var root = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(file))!;
        return root["Rules"]!.AsArray().SelectMany(r => r!["Properties"]!["words"]!.AsArray().Select(w => (string)w!));
    }

    /// <summary>The list item of a reason: the one that cites its clause.</summary>
    private static string? ReasonItem(string html, string clause)
    {
        var cite = $"<span class=\"clause\">{clause}</span>";
        var at = html.IndexOf(cite, StringComparison.Ordinal);
        if (at < 0)
        {
            return null;
        }
        var start = html.LastIndexOf("<li>", at, StringComparison.Ordinal);
        return WebUtility.HtmlDecode(html[start..(at + cite.Length)]);
    }

    /// <summary>The letter's visible text: no style, no tags, entities decoded.</summary>
    private static string Text(string html) =>
        WebUtility.HtmlDecode(Tags().Replace(Style().Replace(html, " "), " "));

    [GeneratedRegex("<style>.*?</style>", RegexOptions.Singleline)]
    private static partial Regex Style();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();
}
