using Decisioning.Host.Cli;
using Decisioning.Pipeline;
using Decisioning.Rules;

namespace Decisioning.Bench;

/// <summary>
/// <c>batch-handwritten FILE|-</c>: <c>decide-batch</c>'s engine (<see cref="DecisionBatch"/>: the same reading, cores,
/// ordering and writing) with the hand-written policy as the decider: the C# baseline of the batch comparison.
/// </summary>
public static class HandWrittenBatch
{
    public static int Run(string[] args)
    {
        if (args.Length != 1)
        {
            Console.Error.WriteLine("usage: Decisioning.Bench batch-handwritten FILE|-");
            return 2;
        }
        var snapshot = RuleSetLoader.Load(RepoPaths.Rules, RepoPaths.Templates);
        var policy = snapshot.Policy;
        // It computes no facts: written as decide-batch --no-facts writes, so the two outputs compare byte for byte.
        var batch = new DecisionBatch(policy, EmptyLedger.Instance) { Decider = a => HandWrittenPolicy.Decide(a, policy.Version, policy.Hash), WithoutFacts = true };
        using var input = args[0] == "-" ? Console.OpenStandardInput() : File.OpenRead(args[0]);
        using var output = new BufferedStream(Console.OpenStandardOutput(), 1 << 16);
        var summary = batch.Run(input, output);
        return summary.Bad + summary.Failed > 0 ? 2 : 0;
    }
}
