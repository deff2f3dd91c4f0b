using BenchmarkDotNet.Running;
using Decisioning.Bench;

// decisioning-bench [BenchmarkDotNet options]   run benchmarks (e.g. --filter '*Decision*')
// decisioning-bench gen-batch COUNT FILE        write COUNT application lines for the batch run
// decisioning-bench batch-handwritten FILE    decide-batch's engine with the hand-written policy (baseline)
// decisioning-bench verify [FILE]               hand-written vs pipeline, JSON compared, on every input it has
// decisioning-bench loop STAGE [SECONDS]         a plain loop for a profiler (decide, handwritten, parse, serialize, all)
switch (args.FirstOrDefault())
{
    case "gen-batch":
        return BatchGenerator.Run(args.Skip(1).ToArray());
    case "batch-handwritten":
        return HandWrittenBatch.Run(args.Skip(1).ToArray());
    case "verify":
        return Verification.Run(args.Skip(1).ToArray());
    case "loop":
        return ProfileLoop.Run(args.Skip(1).ToArray());
    default:
        BenchmarkSwitcher.FromAssembly(typeof(DecisionBenchmarks).Assembly).Run(args, BenchConfig.Create());
        return 0;
}
