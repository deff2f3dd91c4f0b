using System.Globalization;
using System.Text.RegularExpressions;
using Decisioning.Output;

namespace Decisioning.Letters.Tests.Support;

/// <summary>
/// The amounts, dates and percentages a letter may print: the decision's own (its amounts, its facts, its final
/// decision), the application's, the eligibility check's offers and the dates the letter derives from them by a rule of
/// the rule set (the day the company reaches the minimum age, the day a referred case is expected to be decided).
/// </summary>
internal static partial class LetterValues
{
    public static HashSet<decimal> Amounts(LetterCase letter, Decision decision)
    {
        var c = decision.CoFinancing;
        var p = letter.Application.Project;
        var f = decision.Facts;
        decimal?[] known =
        [
            c?.EligibleDkk, c?.GrantDkk, c?.LevelCapDkk, c?.LevelCapRemainingDkk, c?.LifetimeCapDkk, c?.LifetimeCapRemainingDkk,
            c?.BudgetRemainingDkk, c?.SelfFundingRequiredDkk, p?.TotalCostDkk, p?.OwnCashDkk, p?.RequestedDkk, letter.Final?.GrantDkk,
            f?.SelfFunding?.RequiredDkk, f?.Budget.BudgetDkk, f?.Budget.GrantedDkk, f?.Budget.RemainingDkk,
            .. f?.CapsCounted.SelectMany(cap => new decimal?[] { cap.CapDkk, cap.UsedDkk, cap.RemainingDkk }.Concat(cap.Grants.Select(g => (decimal?)g.GrantDkk))) ?? [],
            .. letter.Check().Offers.Select(o => o.MaxGrantDkk),
        ];
        return known.OfType<decimal>().ToHashSet();
    }

    public static HashSet<DateOnly> Dates(LetterCase letter, Decision decision)
    {
        var a = letter.Application;
        var settings = Repo.Snapshot.Letters.Settings!;
        var minAge = (int)(RuleParameter(decision.Programme, "minAgeYears") ?? 0);
        DateOnly?[] known =
        [
            letter.Dated, a.Company.FoundedOn, a.SubmittedOn, a.Project?.PlannedStart, a.Project?.PlannedEnd, decision.FollowUpDue,
            letter.Final?.DecidedOn, a.Company.FoundedOn.AddYears(minAge), letter.Dated.AddDays(7 * settings.ReferralAnswerWeeks),
            .. a.Project?.Milestones.Select(m => (DateOnly?)m.Due) ?? [],
            .. decision.Facts?.CapsCounted.SelectMany(cap => cap.Grants.Select(g => (DateOnly?)g.DecidedOn)) ?? [],
        ];
        return known.OfType<DateOnly>().ToHashSet();
    }

    public static HashSet<decimal> Percentages(Decision decision)
    {
        var programme = Repo.Snapshot.Policy.FindProgramme(decision.Programme)!;
        return decision.Scores.Values.Append(programme.PassMark)
            .Concat(programme.Activities.Select(a => a.Share))
            .Concat(programme.Criteria.Select(c => c.Weight))
            .Concat(decision.Facts?.SelfFunding is { } sf ? [sf.Share] : [])
            .Select(f => f * 100).ToHashSet();
    }

    /// <summary>Every amount printed, as whole kroner.</summary>
    public static IEnumerable<decimal> PrintedAmounts(string html, string lang) =>
        (lang == "da" ? DanishAmount() : EnglishAmount()).Matches(html)
            .Select(m => decimal.Parse(m.Groups[1].Value.Replace(".", "").Replace(",", ""), CultureInfo.InvariantCulture));

    /// <summary>Every date printed in the letter's own format (<c>2. marts 2026</c>, <c>2 March 2026</c>).</summary>
    public static IEnumerable<(string Text, DateOnly Date)> PrintedDates(string html, string lang)
    {
        var culture = CultureInfo.GetCultureInfo(lang == "da" ? "da-DK" : "en-GB");
        var format = lang == "da" ? "d. MMMM yyyy" : "d MMMM yyyy";
        foreach (Match m in (lang == "da" ? DanishDate() : EnglishDate()).Matches(html))
        {
            yield return (m.Value, DateOnly.ParseExact(m.Value, format, culture));
        }
    }

    public static IEnumerable<(string Text, decimal Percent)> PrintedPercentages(string html) =>
        Percent().Matches(html).Select(m => (m.Value, decimal.Parse(m.Groups[1].Value.Replace(",", "."), CultureInfo.InvariantCulture)));

    /// <summary>A numeric <c>GlobalParams</c> value of the programme's rule files (as the letters' <c>parameters</c> read them).</summary>
    private static decimal? RuleParameter(string programme, string name)
    {
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Repo.Rules, "programmes", programme), "*.json"))
        {
            var root = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(file));
            foreach (var param in root?["GlobalParams"]?.AsArray() ?? [])
            {
                if ((string?)param?["Name"] == name
                    && decimal.TryParse((string?)param?["Expression"], NumberStyles.Number, CultureInfo.InvariantCulture, out var value))
                {
                    return value;
                }
            }
        }
        return null;
    }

    [GeneratedRegex(@"(\d{1,3}(?:\.\d{3})*) kr\.")]
    private static partial Regex DanishAmount();

    [GeneratedRegex(@"DKK (\d{1,3}(?:,\d{3})*)")]
    private static partial Regex EnglishAmount();

    [GeneratedRegex(@"\b\d{1,2}\. (?:januar|februar|marts|april|maj|juni|juli|august|september|oktober|november|december) \d{4}")]
    private static partial Regex DanishDate();

    [GeneratedRegex(@"\b\d{1,2} (?:January|February|March|April|May|June|July|August|September|October|November|December) \d{4}")]
    private static partial Regex EnglishDate();

    [GeneratedRegex(@"(\d+(?:[.,]\d+)?) ?%")]
    private static partial Regex Percent();
}
