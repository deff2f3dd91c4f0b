using System.ComponentModel;
using System.Diagnostics;

namespace Decisioning.Rules.Compilation;

/// <summary>
/// The time budget of one evaluation of one compiled rule. Every compiled expression starts with <see cref="Begin"/>,
/// every inner lambda (the body of an <c>Any</c>, <c>Where</c>, ...) and every element of a range calls
/// <see cref="Step"/>; a rule that takes more than <see cref="RuleSetLimits.MaxStepsPerEvaluation"/> steps or
/// <see cref="RuleSetLimits.EvaluationTime"/> throws, and the pipeline turns that into a rule error (no decision).
/// The clock is read from the first step on (a rule without inner lambdas never reads it; one step of a rule is
/// bounded by the tree-size limit), so a rule without loops costs two thread-static writes.
/// Public only because compiled rules call it.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class RuleBudget
{
    private static readonly long EvaluationTicks = (long)(RuleSetLimits.EvaluationTime.TotalSeconds * Stopwatch.Frequency);

    [ThreadStatic]
    private static int t_steps;

    [ThreadStatic]
    private static long t_deadline;

    /// <summary>Set on the loader's thread while it loads: cancelled when the load's deadline passes.</summary>
    [ThreadStatic]
    internal static CancellationToken t_load;

    /// <summary>Starts the budget of one evaluation (costs two thread-static writes).</summary>
    public static void Begin()
    {
        t_steps = 0;
        t_deadline = 0;
    }

    /// <summary>Counts one step and checks the step count, the clock and the load's deadline.</summary>
    public static void Step()
    {
        ++t_steps;
        Check();
    }

    /// <summary>Throws when the load this thread is running has passed its deadline.</summary>
    internal static void ThrowIfLoadCancelled()
    {
        if (t_load.IsCancellationRequested)
        {
            throw new RuleBudgetException("loading the rule set was stopped at its deadline");
        }
    }

    private static void Check()
    {
        if (t_steps > RuleSetLimits.MaxStepsPerEvaluation)
        {
            throw new RuleBudgetException($"the rule took more than {RuleSetLimits.MaxStepsPerEvaluation} steps in one evaluation");
        }
        var now = Stopwatch.GetTimestamp();
        if (t_deadline == 0)
        {
            t_deadline = now + EvaluationTicks;
        }
        else if (now > t_deadline)
        {
            throw new RuleBudgetException($"the rule took longer than {RuleSetLimits.EvaluationTime.TotalMilliseconds} ms in one evaluation");
        }
        ThrowIfLoadCancelled();
    }
}

/// <summary>A rule went over its evaluation budget (steps or time), or the load it ran in was stopped.</summary>
internal sealed class RuleBudgetException(string message) : Exception(message);
