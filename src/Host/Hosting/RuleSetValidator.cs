using System.Collections.Concurrent;
using System.Security.Claims;
using Decisioning.Host.Replay;
using Decisioning.Host.Store;
using Decisioning.Rules;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Decisioning.Host.Hosting;

/// <summary>
/// Tries a rule set without activating it, for <c>POST /api/rulesets/validate</c> and the policy page alike: compiled
/// on the loader's own thread within <see cref="RuleSetLimits.ValidationDeadline"/>, at most one validation per caller
/// at a time and <see cref="RuleSetLimits.MaxConcurrentValidations"/> in all, and whatever goes wrong is a refused
/// rule set with file, rule and line (logged with the request's correlation id), never a failed request.
/// </summary>
public sealed class RuleSetValidator(ICaseStore store, TimeProvider time, ILogger<RuleSetValidator> logger)
{
    private readonly ConcurrentDictionary<string, byte> _running = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _slots = new(RuleSetLimits.MaxConcurrentValidations);

    /// <summary>
    /// The rule-set versions (P10.2): when set, a candidate's impact counts only the cases submitted in the days it would
    /// decide (from its <c>effectiveFrom</c> until the next later version).
    /// </summary>
    public Decisioning.Rules.Versions.RuleSetTimeline? Timeline { get; init; }

    /// <summary>How long one validation may take (the limit; tests set it shorter).</summary>
    public TimeSpan Deadline { get; init; } = RuleSetLimits.ValidationDeadline;

    /// <summary>Who is asking: the authenticated role's name, else the remote address.</summary>
    public static string CallerOf(HttpContext context) =>
        context.User.FindFirstValue(ClaimTypes.Name) ?? context.Connection.RemoteIpAddress?.ToString() ?? "anonymous";

    /// <summary>Compiles the candidate, trial-runs it, and replays recent stored cases under it.</summary>
    public async Task<RuleSetTrialResult> ValidateAsync(string caller, RuleSetSource source, string correlationId, CancellationToken cancel)
    {
        if (!_running.TryAdd(caller, 0))
        {
            return new RuleSetTrialResult { Busy = true };
        }
        try
        {
            if (!await _slots.WaitAsync(TimeSpan.Zero, cancel))
            {
                return new RuleSetTrialResult { Busy = true };
            }
            try
            {
                return await RunAsync(source, correlationId, cancel);
            }
            finally
            {
                _slots.Release();
            }
        }
        finally
        {
            _running.TryRemove(caller, out _);
        }
    }

    private async Task<RuleSetTrialResult> RunAsync(RuleSetSource source, string correlationId, CancellationToken cancel)
    {
        var started = time.GetTimestamp();
        try
        {
            var candidate = await RuleSetLoader.CompileAsync(source, time, Deadline, cancel);
            var left = Deadline - time.GetElapsedTime(started);
            var period = Timeline?.PeriodOf(candidate.EffectiveFrom);
            var replay = Task.Run(() => RuleSetImpact.WouldChange(store, candidate, period), CancellationToken.None);
            if (left <= TimeSpan.Zero || await Task.WhenAny(replay, Task.Delay(left, time, cancel)) != replay)
            {
                return Refused(source, correlationId, [new RuleSetError("rules/", null, null,
                    $"the rule set compiles, but deciding the stored cases again under it did not finish within {Deadline.TotalSeconds:0.###} s")]);
            }
            return new RuleSetTrialResult { Candidate = candidate, WouldChange = await replay };
        }
        catch (RuleSetException ex)
        {
            return Refused(source, correlationId, ex.Errors);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Whatever else a sent rule set makes the service throw is still a refusal of that rule set.
            logger.LogError(ex, "Validating rule set {Hash} failed unexpectedly (correlation id {CorrelationId})", source.Hash, correlationId);
            return new RuleSetTrialResult { Errors = [new RuleSetError("rules/", null, null, $"the rule set could not be validated ({ex.GetType().Name}: {ex.Message})")] };
        }
    }

    private RuleSetTrialResult Refused(RuleSetSource source, string correlationId, IReadOnlyList<RuleSetError> errors)
    {
        logger.LogInformation("A sent rule set {Hash} was refused (correlation id {CorrelationId}): {Errors}", source.Hash, correlationId, string.Join("; ", errors));
        return new RuleSetTrialResult { Errors = errors };
    }
}
