using Decisioning.Output;
using Decisioning.Policy;
using Decisioning.Rules.Letters.Model;

namespace Decisioning.Rules.Letters;

/// <summary>Formats a decision's <see cref="DecisionEvidence"/> for the letter, with the criteria's and activities' names in its language.</summary>
internal static class LetterEvidenceBuilder
{
    public static LetterEvidence Build(ProgrammePolicy programme, Decision decision, DecisionEvidence facts, LetterSettings settings, LetterLanguage language)
    {
        var scorecard = facts.Scorecard
            .Select(c => new LetterCriterion(
                settings.Label("criterion", c.Criterion, language.Code) ?? c.Criterion,
                c.Clause,
                language.Percent(c.Weight),
                c.Levels.Select(l => new LetterCriterionLevel(l.Level, l.Met, l.Why)).ToList()))
            .ToList();
        var best = decision.Scores.Count == 0 ? null : decision.Scores.MaxBy(s => s.Value).Key;
        var missing = best is null
            ? []
            : scorecard.Where(c => c.Levels.Any(l => l.Level == best && !l.Met)).Select(c => c.Name).ToList();
        return new LetterEvidence
        {
            Scorecard = scorecard,
            MissingAtBest = missing,
            SelfFunding = facts.SelfFunding is { } sf
                ? new LetterSelfFunding(sf.Clause, sf.Exempt, language.Amount(sf.RequiredDkk), language.Percent(sf.Share), language.Amount(sf.OwnCashDkk), sf.Ok)
                : null,
            Caps = facts.CapsCounted.Select(cap => new LetterCap(
                cap.Limit, cap.Clause, language.Amount(cap.CapDkk), language.Amount(cap.UsedDkk), language.Amount(cap.RemainingDkk),
                cap.Grants.Select(g => new LetterGrant(
                    language.Date(g.DecidedOn),
                    programme.FindActivity(g.Activity) is { } a ? LetterModelBuilder.Name(a, language) : g.Activity,
                    g.Level,
                    language.Amount(g.GrantDkk))).ToList())).ToList(),
            Budget = new LetterBudget(language.Amount(facts.Budget.BudgetDkk), language.Amount(facts.Budget.GrantedDkk), language.Amount(facts.Budget.RemainingDkk), facts.Budget.Period),
        };
    }
}
