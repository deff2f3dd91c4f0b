using System.Reflection;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Decisioning.Input;
using Decisioning.Model;
using Decisioning.Output;
using Decisioning.Pipeline;
using Decisioning.Policy;
using RuleParameter = RulesEngine.Models.RuleParameter;

namespace Decisioning.Bench;

/// <summary>
/// Per-decision cost, warm, one thread, over the same pre-parsed applications (a mix of approve, approve-reduced,
/// reject, refer-to-committee and refer-to-growth-panel at level A). Every figure is per application
/// (<c>OperationsPerInvoke</c>); the hand-written C# policy is the baseline of every ratio.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(BenchConfig.PerDecisionJob))]
public class DecisionBenchmarks
{
    /// <summary>The target-group workflow, as RulesEngine names it.</summary>
    public const string TargetGroupWorkflow = "eksport-2017-target-group";

    private const string TargetGroupFile = "rules/programmes/eksport-2017/target-group.json";

    /// <summary>Applications per invocation; must equal the number of files in <c>applications/</c>.</summary>
    public const int Inputs = 10;

    private BenchInputs _inputs = null!;
    private Application[] _applications = null!;
    private byte[][] _json = null!;
    private PolicySet _policy = null!;
    private RulesEngine.RulesEngine _engine = null!;
    private RuleParameter[][] _engineParameters = null!;
    private DecisionFacts[] _facts = null!;
    private RuleFunc<bool>[] _targetGroupRules = null!;

    [GlobalSetup]
    public void Setup()
    {
        _inputs = BenchInputs.Load();
        if (_inputs.Applications.Count != Inputs)
        {
            throw new InvalidOperationException($"Inputs is {Inputs} but applications/ holds {_inputs.Applications.Count} files: update DecisionBenchmarks.Inputs.");
        }
        _applications = [.. _inputs.Applications];
        _json = [.. _inputs.Json];
        _policy = _inputs.Snapshot.Policy;
        _engine = _inputs.Snapshot.Engine;

        // Equal work: the baseline must decide exactly as the rule set does, to the byte.
        var outcomes = new HashSet<string>();
        for (var i = 0; i < _applications.Length; i++)
        {
            var expected = DecisionPipeline.Decide(_applications[i], _policy, EmptyLedger.Instance);
            var actual = HandWrittenPolicy.Decide(_applications[i], _policy.Version, _policy.Hash);
            if (actual.Outcome != expected.Outcome || actual.Level != expected.Level || actual.CoFinancing?.GrantDkk != expected.CoFinancing?.GrantDkk)
            {
                throw new InvalidOperationException($"{_inputs.Names[i]}: hand-written {actual.Outcome}/{actual.Level}/{actual.CoFinancing?.GrantDkk} but the pipeline {expected.Outcome}/{expected.Level}/{expected.CoFinancing?.GrantDkk}");
            }
            // The hand-written baseline writes no `facts` (the letter's evidence, issue 10): it is compared without them,
            // so the baseline does less work than the pipeline and the ratio is an upper bound.
            var expectedJson = JsonSerializer.Serialize(expected with { Facts = null }, DecisionJson.Compact);
            var actualJson = JsonSerializer.Serialize(actual, DecisionJson.Compact);
            if (expectedJson != actualJson)
            {
                throw new InvalidOperationException($"{_inputs.Names[i]}: the hand-written decision differs from the pipeline's\n  pipeline:     {expectedJson}\n  hand-written: {actualJson}");
            }
            outcomes.Add(expected.Level == "A" ? expected.Outcome + "@A" : expected.Outcome);
        }
        foreach (var needed in new[] { "approve", "approve-reduced", "reject", "refer-to-committee", "refer-to-growth-panel@A" })
        {
            if (!outcomes.Contains(needed))
            {
                throw new InvalidOperationException($"The application mix has no '{needed}' case.");
            }
        }

        // The target-group rules (P1.1-P1.5, P1.7, P2.1), once as the pipeline's compiled delegates and once through
        // RulesEngine's high-level API over the same workflow file.
        var programme = _policy.Programmes["eksport-2017"];
        var compiled = new Dictionary<string, RuleFunc<bool>>(StringComparer.Ordinal);
        foreach (var check in programme.Checks.Where(c => c.Rule.File == TargetGroupFile))
        {
            compiled[check.Rule.RuleName] = check.Test;
        }
        foreach (var referral in programme.Referrals.Where(r => r.Rule.File == TargetGroupFile))
        {
            compiled[referral.Rule.RuleName] = referral.Triggered;
        }
        _facts = [.. _applications.Select(NewFacts)];
        _engineParameters = [.. _applications.Select((a, i) => new[] { new RuleParameter("a", a), new RuleParameter("f", _facts[i]) })];
        var order = _engine.ExecuteAllRulesAsync(TargetGroupWorkflow, _engineParameters[0]).AsTask().GetAwaiter().GetResult()
            .Select(r => r.Rule.RuleName).ToList();
        if (order.Count != compiled.Count || order.Any(n => !compiled.ContainsKey(n)))
        {
            throw new InvalidOperationException($"The engine runs [{string.Join(", ", order)}] but the compiled target group has [{string.Join(", ", compiled.Keys)}].");
        }
        _targetGroupRules = [.. order.Select(n => compiled[n])];
        for (var i = 0; i < _applications.Length; i++)
        {
            var results = _engine.ExecuteAllRulesAsync(TargetGroupWorkflow, _engineParameters[i]).AsTask().GetAwaiter().GetResult();
            for (var r = 0; r < results.Count; r++)
            {
                // A failed rule carries its ErrorMessage; anything else there is an exception turned into a message.
                if (results[r].ExceptionMessage is { Length: > 0 } error && error != results[r].Rule.ErrorMessage)
                {
                    throw new InvalidOperationException($"{_inputs.Names[i]}: RulesEngine failed on '{results[r].Rule.RuleName}': {error}");
                }
                if (results[r].IsSuccess != _targetGroupRules[r](_applications[i], _facts[i]))
                {
                    throw new InvalidOperationException($"{_inputs.Names[i]}: RulesEngine and the compiled delegate disagree on '{results[r].Rule.RuleName}'.");
                }
            }
        }
    }

    /// <summary>The baseline: the policy hand-written in C#, building the same decision object.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Inputs, Description = "HandWritten.Decide")]
    public int HandWritten()
    {
        var n = 0;
        foreach (var a in _applications)
        {
            n += HandWrittenPolicy.Decide(a, _policy.Version, _policy.Hash).Checks.Count;
        }
        return n;
    }

    /// <summary>The service's decision: the compiled rule set (RulesEngine-parsed expressions as typed delegates).</summary>
    [Benchmark(OperationsPerInvoke = Inputs, Description = "Pipeline.Decide")]
    public int Pipeline()
    {
        var n = 0;
        foreach (var a in _applications)
        {
            n += DecisionPipeline.Decide(a, _policy, EmptyLedger.Instance).Checks.Count;
        }
        return n;
    }

    /// <summary>Only the reader: parse and validate the JSON bytes into the model (the per-line input cost).</summary>
    [Benchmark(OperationsPerInvoke = Inputs, Description = "Parse")]
    public int Parse()
    {
        var n = 0;
        foreach (var json in _json)
        {
            n += ApplicationReader.Read(json, _policy).Value!.PriorGrants.Count;
        }
        return n;
    }

    /// <summary>End to end for one line: parse and validate the JSON bytes, decide, serialise the decision.</summary>
    [Benchmark(OperationsPerInvoke = Inputs, Description = "Parse+Decide+Serialize")]
    public int ParseDecideSerialize()
    {
        var n = 0;
        foreach (var json in _json)
        {
            var input = ApplicationReader.Read(json, _policy);
            var decision = DecisionPipeline.Decide(input.Value!, _policy, EmptyLedger.Instance);
            n += JsonSerializer.SerializeToUtf8Bytes(decision, DecisionJson.Compact).Length;
        }
        return n;
    }

    /// <summary>Only the 7 target-group rules, through RulesEngine's high-level <c>ExecuteAllRulesAsync</c>.</summary>
    [Benchmark(OperationsPerInvoke = Inputs, Description = "TargetGroup7.Engine.ExecuteAllRulesAsync")]
    public int TargetGroupEngine()
    {
        var n = 0;
        foreach (var parameters in _engineParameters)
        {
            var results = _engine.ExecuteAllRulesAsync(TargetGroupWorkflow, parameters).GetAwaiter().GetResult();
            foreach (var r in results)
            {
                n += r.IsSuccess ? 1 : 0;
            }
        }
        return n;
    }

    /// <summary>The same 7 target-group rules as the pipeline runs them: one compiled delegate call each.</summary>
    [Benchmark(OperationsPerInvoke = Inputs, Description = "TargetGroup7.CompiledDelegates")]
    public int TargetGroupCompiled()
    {
        var n = 0;
        for (var i = 0; i < _applications.Length; i++)
        {
            var a = _applications[i];
            var f = _facts[i];
            foreach (var rule in _targetGroupRules)
            {
                n += rule(a, f) ? 1 : 0;
            }
        }
        return n;
    }

    /// <summary>
    /// The facts the target-group rules read (activity, age, profile): the pipeline's facts after the profile stage,
    /// made once, outside the measurement.
    /// </summary>
    private DecisionFacts NewFacts(Application a) => DecisionPipeline.Profiled(a, _policy, EmptyLedger.Instance);
}
