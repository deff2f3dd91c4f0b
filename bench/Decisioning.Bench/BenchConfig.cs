using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;

namespace Decisioning.Bench;

/// <summary>
/// The run configuration: median, minimum (the least disturbed figure on a shared machine), ops/s and the ratio to
/// the baseline as "1.68x slower". Jobs are set per benchmark class
/// (<see cref="PerDecisionJob"/>, <see cref="CompileBenchmarks.CompileConfig"/>); <c>--job</c> on the command line
/// adds one.
/// </summary>
public static class BenchConfig
{
    public static IConfig Create() => DefaultConfig.Instance
        .AddColumn(StatisticColumn.Median, StatisticColumn.Min, StatisticColumn.OperationsPerSecond)
        .WithSummaryStyle(SummaryStyle.Default.WithRatioStyle(RatioStyle.Trend));

    /// <summary>
    /// One process, 5 warm-up and 20 measured iterations. BenchmarkDotNet's default job (up to 100 iterations) takes
    /// too long on a 2-core machine shared with builds.
    /// </summary>
    public sealed class PerDecisionJob : ManualConfig
    {
        public PerDecisionJob()
        {
            AddJob(Job.Default
                .WithLaunchCount(1)
                .WithWarmupCount(5)
                .WithIterationCount(20)
                .WithId("Bench20"));
        }
    }
}
