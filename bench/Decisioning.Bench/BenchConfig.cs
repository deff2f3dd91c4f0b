using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;

namespace Decisioning.Bench;

/// <summary>
/// The job used unless <c>--job</c> is given: one process, 5 warm-up and 15 measured iterations. BenchmarkDotNet's
/// default job (up to 100 iterations, several launches) takes too long on a 2-core machine shared with builds.
/// </summary>
public static class BenchConfig
{
    public static IConfig Create(bool customJob)
    {
        var config = DefaultConfig.Instance
            .AddColumn(StatisticColumn.OperationsPerSecond)
            .WithSummaryStyle(SummaryStyle.Default.WithRatioStyle(RatioStyle.Trend));
        if (customJob)
        {
            config = config.AddJob(Job.Default
                .WithLaunchCount(1)
                .WithWarmupCount(5)
                .WithIterationCount(15)
                .WithId("Bench15")
                .AsDefault());
        }
        return config;
    }
}
