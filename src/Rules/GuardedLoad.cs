using Decisioning.Rules.Compilation;

namespace Decisioning.Rules;

/// <summary>
/// Runs one load of a rule set on its own thread, with a large stack (the expression parser recurses) and a deadline.
/// Whatever the load throws becomes a <see cref="RuleSetException"/> naming the file (and rule and line) it was working
/// on; a load that passes its deadline is refused and told to stop (it checks between rules, parameters, trial
/// applications and every evaluation step), so the caller is never held past the deadline.
/// </summary>
internal static class GuardedLoad
{
    public static Task<RuleSetSnapshot> Start(Func<RuleSetSnapshot> load, TimeSpan deadline, CancellationToken cancel)
    {
        var result = new TaskCompletionSource<RuleSetSnapshot>(TaskCreationOptions.RunContinuationsAsynchronously);
        var stop = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        var progress = new LoadProgress();
        var token = stop.Token;
        var thread = new Thread(() =>
        {
            RuleBudget.t_load = token;
            LoadProgress.Current = progress;
            try
            {
                result.TrySetResult(load());
            }
            catch (Exception ex)
            {
                result.TrySetException(Refusal(ex, progress, token, deadline, cancel));
            }
            finally
            {
                RuleBudget.t_load = default;
                LoadProgress.Current = null;
                stop.Dispose();
            }
        }, RuleSetLimits.LoaderStackBytes)
        {
            IsBackground = true,
            Name = "rule-set load",
        };
        token.Register(() => result.TrySetException(Stopped(progress, deadline, cancel)));
        stop.CancelAfter(deadline);
        thread.Start();
        return result.Task;
    }

    /// <summary>Loads and waits for the result, at most the deadline.</summary>
    public static RuleSetSnapshot Run(Func<RuleSetSnapshot> load, TimeSpan deadline) =>
        Start(load, deadline, CancellationToken.None).GetAwaiter().GetResult();

    private static RuleSetException Stopped(LoadProgress progress, TimeSpan deadline, CancellationToken cancel)
    {
        var where = progress.Where;
        var why = cancel.IsCancellationRequested
            ? "loading the rule set was cancelled"
            : $"loading the rule set did not finish within {deadline.TotalSeconds:0.###} s";
        return new RuleSetException([where with { Message = $"{why}; it was stopped while {where.Message}" }]);
    }

    private static RuleSetException Refusal(Exception ex, LoadProgress progress, CancellationToken stop, TimeSpan deadline, CancellationToken cancel)
    {
        if (ex is RuleSetException refused)
        {
            return refused;
        }
        if (stop.IsCancellationRequested)
        {
            return Stopped(progress, deadline, cancel);
        }
        var where = progress.Where;
        var message = ex switch
        {
            IOException or UnauthorizedAccessException => "could not be read: " + ex.Message,
            InsufficientExecutionStackException => "is nested too deeply to load",
            OutOfMemoryException => "needs more memory than there is to load: " + ex.Message,
            _ => $"could not be loaded ({ex.GetType().Name}: {ex.Message}) while {where.Message}",
        };
        return new RuleSetException([where with { Message = message }]);
    }
}
