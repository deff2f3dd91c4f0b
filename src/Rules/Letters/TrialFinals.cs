using Decisioning.Output;

namespace Decisioning.Rules.Letters;

/// <summary>
/// The final decisions a trial decision's letters are also rendered with when a rule set is loaded, so a template that
/// fails only on a final letter (an approval by the deciding body, an override with its justification) is refused
/// before the rule set becomes active rather than when a decision is recorded.
/// </summary>
public static class TrialFinals
{
    /// <summary>An approval of the recommended grant (when there is one) and an overriding rejection, both dated <paramref name="day"/>.</summary>
    public static IEnumerable<LetterFinalDecision> For(Decision decision, DateOnly day)
    {
        if (decision.CoFinancing is { GrantDkk: > 0 } c)
        {
            yield return new LetterFinalDecision
            {
                Outcome = c.GrantDkk < c.EligibleDkk ? "approve-reduced" : "approve",
                GrantDkk = c.GrantDkk,
                DecidedBy = "trial",
                Justification = null,
                DecidedOn = day,
                DepartsFromRecommendation = decision.Outcome == "reject",
                Body = decision.DecisionBody,
            };
        }
        yield return new LetterFinalDecision
        {
            Outcome = "reject",
            GrantDkk = 0,
            DecidedBy = "trial",
            Justification = decision.Outcome == "reject" ? null : "trial",
            DecidedOn = day,
            DepartsFromRecommendation = decision.Outcome != "reject",
            Body = decision.DecisionBody,
        };
    }
}
