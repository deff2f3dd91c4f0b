using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using Decisioning.Rules;
using Decisioning.Tests.Support;

namespace Decisioning.Tests.Hostile;

/// <summary>
/// A bounded, seeded, time-boxed fuzz run of generated rule expressions against the loader: each batch replaces the
/// expressions of the programme's checks, and the load must end within its deadline with a rule set or with
/// <see cref="RuleSetException"/> whose every error names its file, and the rule when it is in the edited file.
/// Nothing else may escape (and a stack overflow would end the test host, failing the run).
/// </summary>
[TestClass]
public sealed class ExpressionFuzzTests
{
    private const int Seed = 20261201;
    private const string Edited = "rules/programmes/eksport-2017/target-group.json";
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(20);

    /// <summary>How long one load of six generated expressions may take (the repository's rule set loads in 1-2 s).</summary>
    private static readonly TimeSpan LoadBudget = TimeSpan.FromSeconds(10);

    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public void GeneratedExpressions_AreCompiledOrRefusedWithFileAndRule_WithinTheDeadline()
    {
        var files = RuleSetSource.FromDirectories(RepoPaths.Rules, RepoPaths.Templates).Files;
        var original = JsonNode.Parse(files.Single(f => f.Path == Edited).Text)!;
        var checks = original["Rules"]!.AsArray().Select((r, i) => (Rule: r!, Index: i))
            .Where(x => (string?)x.Rule["Properties"]?["kind"] == "check").Select(x => x.Index).ToList();
        var fuzzer = new ExpressionFuzzer(Seed);
        var run = Stopwatch.StartNew();
        int loads = 0, expressions = 0, accepted = 0, refused = 0, ran = 0;
        var slowest = TimeSpan.Zero;
        while (run.Elapsed < Budget)
        {
            var batch = checks.ToDictionary(i => i, _ => fuzzer.Next());
            expressions += batch.Count;
            // First every check with a generated expression; then those that compiled, alone, so their trial run is tried too.
            var errors = Load(files, original, batch, ref slowest);
            loads++;
            if (errors is null)
            {
                accepted++;
                continue;
            }
            refused++;
            var compiled = batch.Where(b => !errors.Any(e => e.Rule == (string)original["Rules"]![b.Key]!["RuleName"]!)).ToDictionary();
            if (compiled.Count > 0)
            {
                ran += compiled.Count;
                loads++;
                if (Load(files, original, compiled, ref slowest) is null)
                {
                    accepted++;
                }
                else
                {
                    refused++;
                }
            }
        }
        TestContext.WriteLine($"fuzz: seed {Seed}, {loads} loads, {expressions} expressions ({ran} compiled and trial-run), {accepted} rule sets accepted, {refused} refused, slowest load {slowest.TotalMilliseconds:0} ms");
        Assert.IsGreaterThan(0, refused, "the fuzzer never produced a refused expression: it is not testing anything");
        Assert.IsGreaterThan(0, ran, "no generated expression compiled: the trial run was never tried");
    }

    /// <summary>Loads the rule set with the given checks' expressions replaced; null when it is accepted, else its errors (checked).</summary>
    private static IReadOnlyList<RuleSetError>? Load(IReadOnlyList<RuleSetFile> files, JsonNode original, Dictionary<int, string> expressions, ref TimeSpan slowest)
    {
        var json = original.DeepClone();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (i, expression) in expressions)
        {
            json["Rules"]![i]!["Expression"] = expression;
            names.Add((string)json["Rules"]![i]!["RuleName"]!);
        }
        var source = new RuleSetSource(files.Where(f => f.Path != Edited).Append(new RuleSetFile(Edited, Encoding.UTF8.GetBytes(json.ToJsonString()))));
        var watch = Stopwatch.StartNew();
        try
        {
            RuleSetLoader.Compile(source);
            return null;
        }
        catch (RuleSetException ex)
        {
            foreach (var e in ex.Errors)
            {
                Assert.IsFalse(string.IsNullOrEmpty(e.File), $"an error without its file: {e}");
                if (e.File == Edited)
                {
                    Assert.IsTrue(e.Rule is not null && names.Contains(e.Rule), $"an error in the edited file without one of its rules: {e}");
                }
            }
            return ex.Errors;
        }
        finally
        {
            slowest = watch.Elapsed > slowest ? watch.Elapsed : slowest;
            Assert.IsLessThan(LoadBudget, watch.Elapsed, $"a load took {watch.Elapsed.TotalSeconds:0.#} s: {string.Join(" | ", expressions.Values.Select(e => e.Length > 80 ? e[..80] + "…" : e))}");
        }
    }
}
