using System.Text.Json;
using Decisioning.Input;
using Decisioning.Model;
using Decisioning.Output;
using Decisioning.Pipeline;
using Decisioning.Policy;
using Decisioning.Rules;

namespace Decisioning.Bench;

/// <summary>
/// Checks that the hand-written baseline decides exactly as the rule set does, byte for byte of the decision JSON,
/// on more inputs than the benchmark uses: the bench applications, every decide-mode policy case of the test suite
/// that needs no ledger, and optionally a JSON-lines file (the generated batch).
/// </summary>
public static class Verification
{
    public static int Run(string[] args)
    {
        var snapshot = RuleSetLoader.Load(RepoPaths.Rules, RepoPaths.Templates);
        var policy = snapshot.Policy;
        var compared = 0;
        var mismatches = 0;
        var skipped = 0;
        var outcomes = new SortedDictionary<string, int>(StringComparer.Ordinal);

        void Compare(string name, Application a)
        {
            if (a.Programme != "eksport-2017")
            {
                skipped++;
                return;
            }
            // Compared without `facts`, which the hand-written baseline does not write.
            var expected = JsonSerializer.Serialize(DecisionPipeline.Decide(a, policy, EmptyLedger.Instance) with { Facts = null }, DecisionJson.Compact);
            var decision = HandWrittenPolicy.Decide(a, policy.Version, policy.Hash);
            var actual = JsonSerializer.Serialize(decision, DecisionJson.Compact);
            compared++;
            var key = decision.Level == "A" ? decision.Outcome + " (level A)" : decision.Outcome;
            outcomes[key] = outcomes.GetValueOrDefault(key) + 1;
            if (expected != actual && ++mismatches <= 5)
            {
                Console.Error.WriteLine($"{name}: differs\n  pipeline:     {expected}\n  hand-written: {actual}");
            }
        }

        foreach (var file in Directory.GetFiles(RepoPaths.Applications, "*.application.json").Order(StringComparer.Ordinal))
        {
            Compare(file, Read(File.ReadAllBytes(file), policy) ?? throw new InvalidOperationException($"{file} is not valid"));
        }
        if (Directory.Exists(RepoPaths.PolicyCases))
        {
            foreach (var file in Directory.GetFiles(RepoPaths.PolicyCases, "*.json").Order(StringComparer.Ordinal))
            {
                using var doc = JsonDocument.Parse(File.ReadAllBytes(file));
                var root = doc.RootElement;
                var decide = !root.TryGetProperty("mode", out var mode) || mode.GetString() == "decide";
                var ledger = root.TryGetProperty("ledger", out var l) && l.ValueKind == JsonValueKind.Array && l.GetArrayLength() > 0;
                if (!decide || ledger || !root.TryGetProperty("application", out var appJson)
                    || ApplicationReader.Read(appJson, policy) is not { IsValid: true } input)
                {
                    skipped++;
                    continue;
                }
                Compare(file, input.Value!);
            }
        }
        if (args.Length > 0)
        {
            var line = 0;
            foreach (var text in File.ReadLines(args[0]))
            {
                line++;
                if (Read(System.Text.Encoding.UTF8.GetBytes(text), policy) is { } a)
                {
                    Compare($"{args[0]}:{line}", a);
                }
                else
                {
                    skipped++;
                }
            }
        }
        Console.WriteLine($"verify: {compared} decisions compared, {mismatches} differ, {skipped} inputs skipped (ledger, check mode, invalid or other programme)");
        foreach (var (outcome, n) in outcomes)
        {
            Console.WriteLine($"  {outcome}: {n}");
        }
        return mismatches == 0 && compared > 0 ? 0 : 1;
    }

    private static Application? Read(byte[] json, PolicySet policy) =>
        ApplicationReader.Read(json, policy) is { IsValid: true } input ? input.Value : null;
}
