using System.Runtime.CompilerServices;
using Decisioning.Model;
using Decisioning.Policy;

namespace Decisioning.Pipeline;

/// <summary>Evaluates compiled rules: an exception from a rule becomes a <see cref="RuleEvaluationException"/> naming it (fail closed).</summary>
internal static class RuleEval
{
    /// <summary>The value of the first output rule whose condition holds; an output with no matching rule is an error.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static T First<T>(IReadOnlyList<OutputRule<T>> rules, Application a, DecisionFacts f)
    {
        for (var ruleIndex = 0; ruleIndex < rules.Count; ruleIndex++)
        {
            var rule = rules[ruleIndex];
            if (Eval(rule.Rule, rule.When, a, f))
            {
                return Eval(rule.Rule, rule.Value, a, f);
            }
        }
        var last = rules.Count > 0 ? rules[^1].Rule : new RuleRef("?", "?", "?");
        throw new RuleEvaluationException(last, new InvalidOperationException("No rule of this output applies to the case."));
    }

    /// <summary>
    /// Evaluates a compiled rule. The delegate and its arguments are passed, not captured in a lambda, so an evaluation
    /// allocates nothing.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static T Eval<T>(RuleRef rule, RuleFunc<T> evaluate, Application a, DecisionFacts f)
    {
        try
        {
            return evaluate(a, f);
        }
        catch (RuleEvaluationException)
        {
            throw;
        }
        catch (Exception ex)
        {
            throw new RuleEvaluationException(rule, ex);
        }
    }

    /// <summary>Renders a compiled message, with the same error handling.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static string Eval(RuleRef rule, MessageFunc message, Application a, DecisionFacts f, Milestone? m)
    {
        try
        {
            return message(a, f, m);
        }
        catch (RuleEvaluationException)
        {
            throw;
        }
        catch (Exception ex)
        {
            throw new RuleEvaluationException(rule, ex);
        }
    }
}
