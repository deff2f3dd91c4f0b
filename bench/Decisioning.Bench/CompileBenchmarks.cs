using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using Decisioning.Rules;

namespace Decisioning.Bench;

/// <summary>
/// Compiling the rule set: <see cref="RuleSetLoader.Load"/> reads, schema-checks, parses, allow-lists and compiles
/// every rule, builds the RulesEngine instance and trial-runs the trial applications. The <c>ColdStart</c> job runs
/// it once per fresh process (JIT included: what the command line pays at start); the default job measures a
/// reload in a warm process (what <c>serve</c> pays when the rules change). Target: under 1 second.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(CompileConfig))]
public class CompileBenchmarks
{
    [Benchmark(Description = "RuleSetLoader.Load")]
    public RuleSetSnapshot Load() => RuleSetLoader.Load(RepoPaths.Rules, RepoPaths.Templates);

    /// <summary>Two jobs: <c>ColdStart</c> (5 fresh processes, one call each, no warm-up) and <c>WarmReload</c>.</summary>
    public sealed class CompileConfig : ManualConfig
    {
        public CompileConfig()
        {
            AddJob(Job.Default
                .WithStrategy(RunStrategy.ColdStart)
                .WithLaunchCount(5)
                .WithWarmupCount(0)
                .WithIterationCount(1)
                .WithId("ColdStart"));
            AddJob(Job.Default
                .WithLaunchCount(1)
                .WithWarmupCount(2)
                .WithIterationCount(10)
                .WithId("WarmReload"));
        }
    }
}
