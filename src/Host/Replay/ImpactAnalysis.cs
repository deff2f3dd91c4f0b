using System.Diagnostics;
using System.Threading.Channels;
using Decisioning.Host.Store;
using Decisioning.Input;
using Decisioning.Pipeline;
using Decisioning.Rules;
using Decisioning.Rules.Versions;

namespace Decisioning.Host.Replay;

/// <summary>
/// Decides every stored case again under a candidate rule set (P10.1), on every core, streaming the store a page at a
/// time: each application as received, with the ledger as its recommendation saw it (read once, <see cref="LedgerHistory"/>),
/// compared with the stored recommendation by outcome, level and amounts. Memory holds a few pages and the changed list.
/// </summary>
public static class ImpactAnalysis
{
    /// <summary>The most changed cases a report lists (the counts and totals cover every case).</summary>
    public const int MaxListed = 10_000;

    /// <summary>Stored cases read from the store at a time, and handed to a core at a time.</summary>
    public const int PageSize = 500;

    /// <summary>
    /// Runs the analysis. With a <paramref name="period"/> (P10.2: the days the candidate would decide), cases submitted
    /// outside it are counted apart and not decided. <paramref name="progress"/> is told after each page.
    /// </summary>
    public static ImpactReport Run(ICaseStore store, RuleSetSnapshot candidate, (DateOnly From, DateOnly? Until)? period,
        Action<ImpactProgress>? progress, CancellationToken cancel, int? cores = null)
    {
        var clock = Stopwatch.StartNew();
        var total = store.CountCases();
        var version = store.Ledger.Version;
        var history = version <= LedgerHistory.MaxGrants ? LedgerHistory.Read(store, version, cancel) : null;
        IGrantLedger LedgerAt(long v) => history?.At(v) ?? store.Ledger.AsOf(v);
        var sum = new Tally();
        long done = 0;
        long changed = 0;
        // One reader streams pages of the store into a bounded queue while every core decides: reading and deciding
        // overlap, and only the queued pages are in memory.
        var workers = cores ?? Environment.ProcessorCount;
        var pages = Channel.CreateBounded<StoredCase[]>(new BoundedChannelOptions(2 * workers) { SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancel); // a failed decider stops the reader too
        var reader = Task.Run(() =>
        {
            try
            {
                foreach (var page in store.ReadCases(PageSize, stop.Token).Chunk(PageSize))
                {
                    while (!pages.Writer.TryWrite(page))
                    {
                        pages.Writer.WaitToWriteAsync(stop.Token).AsTask().GetAwaiter().GetResult();
                    }
                }
                pages.Writer.Complete();
            }
            catch (Exception ex)
            {
                pages.Writer.Complete(ex);
            }
        }, CancellationToken.None);
        var deciders = Enumerable.Range(0, workers).Select(_ => Task.Run(() =>
        {
            var tally = new Tally();
            try
            {
                while (pages.Reader.WaitToReadAsync(stop.Token).AsTask().GetAwaiter().GetResult())
                {
                    while (pages.Reader.TryRead(out var page))
                    {
                        stop.Token.ThrowIfCancellationRequested();
                        foreach (var c in page)
                        {
                            Decide(c, candidate, period, LedgerAt, tally);
                        }
                        var d = Interlocked.Add(ref done, page.Length);
                        var k = Interlocked.Add(ref changed, tally.TakeNewlyChanged());
                        progress?.Invoke(new ImpactProgress(d, Math.Max(total, d), k, clock.Elapsed));
                    }
                }
            }
            catch
            {
                stop.Cancel();
                throw;
            }
            return tally;
        }, CancellationToken.None)).ToArray();
        try
        {
            Task.WaitAll([reader, .. deciders]);
        }
        catch (AggregateException ex)
        {
            cancel.ThrowIfCancellationRequested();
            // The first failure that is not the others stopping because of it.
            var first = ex.InnerExceptions.FirstOrDefault(e => e is not OperationCanceledException) ?? ex.InnerExceptions[0];
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(first).Throw();
        }
        foreach (var t in deciders)
        {
            sum.Add(t.Result);
        }
        return sum.Report(candidate);
    }

    private static void Decide(StoredCase c, RuleSetSnapshot candidate, (DateOnly From, DateOnly? Until)? period, Func<long, IGrantLedger> ledgerAt, Tally tally)
    {
        tally.Cases++;
        var body = c.Application.Body;
        if (period is { } p && RuleSetTimeline.SubmittedOn(body) is { } day && (day < p.From || day >= p.Until))
        {
            tally.OutsidePeriod++;
            return;
        }
        var (ledgerVersion, before) = StoredRecommendationReader.Read(c.RecommendationJson, c.Application.ApplicationId);
        ReplaySummary after;
        var input = ApplicationReader.Read(body, candidate.Policy);
        try
        {
            after = input.IsValid ? ReplaySummary.Of(DecisionPipeline.Decide(input.Value!, candidate.Policy, ledgerAt(ledgerVersion), facts: false)) : NoDecision;
        }
        catch (RuleEvaluationException)
        {
            after = NoDecision;
        }
        tally.Count(c.Application.ApplicationId, before, after);
    }

    private static readonly ReplaySummary NoDecision = new("no decision", null, null, null, null);

    /// <summary>What one core has counted; merged at the end.</summary>
    private sealed class Tally
    {
        private readonly Dictionary<(string, string), long> _transitions = [];
        private List<RuleSetImpact.ChangedDecision> _changed = [];
        private long _newlyChanged;

        public long Cases { get; set; }
        public long OutsidePeriod { get; set; }
        private long _unchanged;
        private long _changedCount;
        private long _noDecision;
        private decimal _storedGrant;
        private decimal _candidateGrant;

        public void Count(string id, ReplaySummary before, ReplaySummary after)
        {
            var key = (before.Outcome, after.Outcome);
            _transitions[key] = _transitions.GetValueOrDefault(key) + 1;
            _storedGrant += before.GrantDkk ?? 0;
            _candidateGrant += after.GrantDkk ?? 0;
            if (ReferenceEquals(after, NoDecision))
            {
                _noDecision++;
            }
            if (before == after)
            {
                _unchanged++;
                return;
            }
            _changedCount++;
            _newlyChanged++;
            _changed.Add(new RuleSetImpact.ChangedDecision(id, before, after));
            if (_changed.Count >= 2 * MaxListed)
            {
                _changed = Lowest(_changed);
            }
        }

        public long TakeNewlyChanged()
        {
            var n = _newlyChanged;
            _newlyChanged = 0;
            return n;
        }

        public void Add(Tally other)
        {
            Cases += other.Cases;
            OutsidePeriod += other.OutsidePeriod;
            _unchanged += other._unchanged;
            _changedCount += other._changedCount;
            _noDecision += other._noDecision;
            _storedGrant += other._storedGrant;
            _candidateGrant += other._candidateGrant;
            foreach (var (key, n) in other._transitions)
            {
                _transitions[key] = _transitions.GetValueOrDefault(key) + n;
            }
            _changed = Lowest([.. _changed, .. other._changed]);
        }

        public ImpactReport Report(RuleSetSnapshot candidate)
        {
            var listed = Lowest(_changed);
            return new()
            {
                CandidateVersion = candidate.Version,
                CandidateHash = candidate.Hash,
                Cases = Cases,
                OutsidePeriod = OutsidePeriod,
                Unchanged = _unchanged,
                Changed = _changedCount,
                NoDecision = _noDecision,
                Transitions = _transitions.OrderByDescending(t => t.Value).ThenBy(t => t.Key.Item1, StringComparer.Ordinal).ThenBy(t => t.Key.Item2, StringComparer.Ordinal)
                    .Select(t => new OutcomeTransition(t.Key.Item1, t.Key.Item2, t.Value)).ToList(),
                StoredGrantDkk = _storedGrant,
                CandidateGrantDkk = _candidateGrant,
                ChangedCases = listed,
                ChangedListed = listed.Count,
            };
        }

        private static List<RuleSetImpact.ChangedDecision> Lowest(List<RuleSetImpact.ChangedDecision> changed) =>
            changed.OrderBy(c => c.ApplicationId, StringComparer.Ordinal).Take(MaxListed).ToList();
    }
}
