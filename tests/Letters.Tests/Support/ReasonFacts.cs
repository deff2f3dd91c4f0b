using System.Globalization;
using Decisioning.Output;

namespace Decisioning.Letters.Tests.Support;

/// <summary>
/// The facts each clause turned on, as the letter must print them in its reason (forvaltningsloven § 24 stk. 1: the
/// reasons state the facts of the case the decision rests on). A clause the rules can cite without an entry here fails
/// the test, so a new clause needs its facts declared.
/// </summary>
internal static class ReasonFacts
{
    public static IEnumerable<string> For(string clause, LetterCase letter, Decision decision, string lang)
    {
        var settings = Repo.Snapshot.Letters.Settings!;
        var language = settings.Languages[lang];
        var a = letter.Application;
        var facts = decision.Facts!;
        string Amount(decimal dkk) => language.Amount(dkk).Text;
        string Date(DateOnly d) => language.Date(d).Text;
        switch (clause)
        {
            case "P1.1":
                return [settings.Label("region", a.Company.Region, lang) ?? a.Company.Region];
            case "P1.2" or "P1.4":
                return [a.Company.Employees.ToString(CultureInfo.InvariantCulture)];
            case "P1.3":
                return [Date(a.Company.FoundedOn), Date(a.Company.FoundedOn.AddYears(3))];
            case "P1.7":
                return [settings.Label("sector", a.Company.Sector, lang)!];
            case "P1.5" or "P2.1" or "P4.2" or "P4.6":
                return []; // the fact is the absence the sentence states
            case "P4.3":
                return a.Project is { } p && p.PlannedStart < a.SubmittedOn ? [Date(p.PlannedStart), Date(a.SubmittedOn)] : [];
            case "P4.1":
                var best = decision.Scores.MaxBy(s => s.Value);
                return new[] { language.Percent(best.Value).Text }
                    .Concat(facts.Scorecard.Where(c => c.Levels.Any(l => l.Level == best.Key && !l.Met))
                        .Select(c => settings.Label("criterion", c.Criterion, lang)!));
            case "P4.4" or "P4.5":
                var cap = facts.CapsCounted.SingleOrDefault(c => c.Clause == clause);
                return cap is null
                    ? []
                    : new[] { Amount(cap.CapDkk), Amount(cap.RemainingDkk) }
                        .Concat(cap.Grants.SelectMany(g => new[] { Amount(g.GrantDkk), Date(g.DecidedOn) }));
            case "P5.1":
                var sf = facts.SelfFunding!;
                return [Amount(sf.RequiredDkk), language.Percent(sf.Share).Text, Amount(sf.OwnCashDkk)];
            case "P6.1" or "P6.2" or "P6.3" or "P6.4" or "P6.6":
                var activity = Repo.Snapshot.Policy.FindProgramme(decision.Programme)!.FindActivity(decision.Activity)!;
                return [lang == "da" ? activity.NameDa : activity.NameEn];
            case "P6.5":
                return [Amount(facts.Budget.BudgetDkk), facts.Budget.Period!];
            case "P7.1":
                return [Amount(a.Project!.TotalCostDkk)];
            case "P7.2":
                return [Amount(a.Project!.RequestedDkk!.Value)];
            case "P8.2":
                return [decision.Level!];
            default:
                Assert.Fail($"no facts are declared for the clause {clause}: add what its reason must state to ReasonFacts");
                return [];
        }
    }
}
