using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using Decisioning.Input;
using Decisioning.Model;
using Decisioning.Output;
using Decisioning.Pipeline;
using Decisioning.Policy;
using Decisioning.Rules;
using Decisioning.Rules.Letters;

namespace Decisioning.Letters.Bench;

/// <summary>
/// Letters per second for one decision (worked example 01, Danish): the Scriban templates compiled once with the rule
/// set against a hand-written <see cref="StringBuilderLetter"/> of the very same letter. Both build the view model.
/// </summary>
[MemoryDiagnoser]
public class LetterBenchmarks
{
    private static readonly DateOnly LetterDate = new(2026, 3, 16);
    private RuleSetSnapshot _snapshot = null!;
    private ProgrammePolicy _programme = null!;
    private Application _application = null!;
    private Decision _decision = null!;
    private EligibilityCheck _check = null!;

    [GlobalSetup]
    public void Setup()
    {
        var root = FindRoot();
        _snapshot = RuleSetLoader.Load(Path.Combine(root, "rules"), Path.Combine(root, "templates"));
        var node = JsonNode.Parse(File.ReadAllText(Path.Combine(root, "tests", "Letters", "cases", "01-approve.json")))!;
        _application = ApplicationReader.Read(node["application"]!.ToJsonString(), _snapshot.Policy).Value!;
        _decision = DecisionPipeline.Decide(_application, _snapshot.Policy, EmptyLedger.Instance);
        _check = DecisionPipeline.Check(_application, _snapshot.Policy, EmptyLedger.Instance);
        _programme = _snapshot.Policy.FindProgramme(_decision.Programme)!;
        if (Template() != StringBuilder())
        {
            throw new InvalidOperationException("The hand-written baseline no longer writes the same letter as the templates: update StringBuilderLetter.");
        }
    }

    [Benchmark(Baseline = true)]
    public string StringBuilder() =>
        StringBuilderLetter.Write(LetterModelBuilder.Build(_programme, _application, _decision, _check, _snapshot.Letters.Settings!,
            _snapshot.Letters.Settings!.Languages["da"], LetterDate, new Dictionary<string, decimal>()));

    [Benchmark]
    public string Template() => LetterRenderer.Render(_snapshot, _application, _decision, "da", LetterDate, _check);

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Decisioning.sln")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException("Decisioning.sln not found above " + AppContext.BaseDirectory);
    }
}
