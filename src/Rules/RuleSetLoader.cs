using System.Text.Json;
using Decisioning.Input;
using Decisioning.Model;
using Decisioning.Output;
using Decisioning.Pipeline;
using Decisioning.Policy;
using Decisioning.Rules.Compilation;
using Decisioning.Rules.Letters;
using Newtonsoft.Json.Linq;
using RulesEngine.Models;

namespace Decisioning.Rules;

/// <summary>
/// Builds a <see cref="RuleSetSnapshot"/> from rule and template files: manifest, JSON, workflow schema, expression
/// allow-list, compilation, the letter templates, and a trial run of the trial applications kept with the rules (decided,
/// checked and their letters rendered in every language). Anything wrong is a
/// <see cref="RuleSetException"/> listing every problem; a half-valid rule set is never returned.
/// </summary>
public static class RuleSetLoader
{
    /// <summary>The manifest file that names the rule set's version.</summary>
    public const string ManifestPath = "rules/ruleset.json";

    /// <summary>
    /// Reads and compiles the rule set in the given folders on the loader's own thread, within
    /// <paramref name="deadline"/> (default <see cref="RuleSetLimits.LoadDeadline"/>). Anything that goes wrong, however
    /// unexpected, is a <see cref="RuleSetException"/>.
    /// </summary>
    public static RuleSetSnapshot Load(string rulesDir, string? templatesDir, TimeProvider? time = null, TimeSpan? deadline = null) =>
        GuardedLoad.Run(() => CompileCore(RuleSetSource.FromDirectories(rulesDir, templatesDir), time), deadline ?? RuleSetLimits.LoadDeadline);

    /// <summary>Compiles a rule set from its files, on the loader's own thread and within its deadline (as <see cref="Load"/>).</summary>
    public static RuleSetSnapshot Compile(RuleSetSource source, TimeProvider? time = null, TimeSpan? deadline = null) =>
        GuardedLoad.Run(() => CompileCore(source, time), deadline ?? RuleSetLimits.LoadDeadline);

    /// <summary>
    /// Compiles a rule set without holding the calling thread: the task ends with the snapshot or a
    /// <see cref="RuleSetException"/> at the latest when <paramref name="deadline"/> passes or <paramref name="cancel"/> fires.
    /// </summary>
    public static Task<RuleSetSnapshot> CompileAsync(RuleSetSource source, TimeProvider? time, TimeSpan deadline, CancellationToken cancel) =>
        GuardedLoad.Start(() => CompileCore(source, time), deadline, cancel);

    private static RuleSetSnapshot CompileCore(RuleSetSource source, TimeProvider? time)
    {
        var errors = new List<RuleSetError>();
        CheckSizes(source, errors);
        if (errors.Count > 0)
        {
            throw new RuleSetException(errors);
        }
        var (version, effectiveFrom) = ReadManifest(source, errors);
        var workflows = new List<WorkflowFile>();
        foreach (var file in source.RuleFiles)
        {
            if (WorkflowReader.IsWorkflowPath(file.Path))
            {
                if (WorkflowReader.Read(file, errors) is { } w)
                {
                    workflows.Add(w);
                }
            }
            else if (file.Path != ManifestPath && !file.Path.EndsWith(".md", StringComparison.OrdinalIgnoreCase) && !IsTrial(file.Path))
            {
                errors.Add(new RuleSetError(file.Path, null, null, "unexpected file: rule files go in rules/framework/ or rules/programmes/ID/, trial applications in rules/trials/"));
            }
        }
        foreach (var dup in workflows.GroupBy(w => (string?)w.Json["WorkflowName"]).Where(g => g.Count() > 1))
        {
            errors.Add(new RuleSetError(dup.Last().Path, null, null, $"the WorkflowName '{dup.Key}' is also used by {dup.First().Path}"));
        }
        if (errors.Count > 0)
        {
            throw new RuleSetException(errors);
        }

        var policy = new PolicyCompiler(errors).Compile(version!, source.Hash, workflows);
        var engine = BuildEngine(workflows, errors);
        if (errors.Count > 0)
        {
            throw new RuleSetException(errors);
        }
        var trials = TrialRun(source, policy, errors);
        LoadProgress.At("templates/", null, null, "compiling the letter templates");
        var letters = LetterCompiler.Compile(source, policy, errors);
        if (errors.Count > 0)
        {
            throw new RuleSetException(errors);
        }
        TrialLetters(policy, letters, trials, errors);
        if (errors.Count > 0)
        {
            throw new RuleSetException(errors);
        }
        return new RuleSetSnapshot
        {
            Source = source,
            Policy = policy,
            Engine = engine!,
            Letters = letters,
            LoadedAt = (time ?? TimeProvider.System).GetUtcNow(),
            EffectiveFrom = effectiveFrom,
        };
    }

    /// <summary>The size caps of <see cref="RuleSetLimits"/>, for files that did not come from a folder (an upload, the policy page).</summary>
    private static void CheckSizes(RuleSetSource source, List<RuleSetError> errors)
    {
        if (source.Files.Count > RuleSetLimits.MaxFiles)
        {
            errors.Add(new RuleSetError("rules/", null, null, $"the rule set has {source.Files.Count} files; at most {RuleSetLimits.MaxFiles} are allowed"));
        }
        foreach (var file in source.Files.Where(f => f.Content.LongLength > RuleSetLimits.MaxFileBytes))
        {
            errors.Add(new RuleSetError(file.Path, null, null, $"is larger than {RuleSetLimits.MaxFileBytes} bytes, the limit for one file"));
        }
        if (source.Files.Sum(f => f.Content.LongLength) > RuleSetLimits.MaxRuleSetBytes)
        {
            errors.Add(new RuleSetError("rules/", null, null, $"the rule set's files add up to more than {RuleSetLimits.MaxRuleSetBytes} bytes"));
        }
    }

    private static bool IsTrial(string path) => path.StartsWith("rules/trials/", StringComparison.Ordinal) && path.EndsWith(".json", StringComparison.OrdinalIgnoreCase);

    private static (string? Version, string? EffectiveFrom) ReadManifest(RuleSetSource source, List<RuleSetError> errors)
    {
        var manifest = source.Files.FirstOrDefault(f => f.Path == ManifestPath);
        if (manifest is null)
        {
            errors.Add(new RuleSetError(ManifestPath, null, null, "the manifest is missing: it names the rule set's version"));
            return (null, null);
        }
        try
        {
            using var doc = JsonDocument.Parse(manifest.Content);
            var version = doc.RootElement.TryGetProperty("version", out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
            if (string.IsNullOrWhiteSpace(version))
            {
                errors.Add(new RuleSetError(ManifestPath, null, null, "\"version\" must be a non-empty string"));
            }
            var effective = doc.RootElement.TryGetProperty("effectiveFrom", out var e) && e.ValueKind == JsonValueKind.String ? e.GetString() : null;
            return (version, effective);
        }
        catch (JsonException ex)
        {
            errors.Add(new RuleSetError(ManifestPath, null, (int?)ex.LineNumber + 1, "not valid JSON: " + ex.Message));
            return (null, null);
        }
    }

    private static RulesEngine.RulesEngine? BuildEngine(List<WorkflowFile> workflows, List<RuleSetError> errors)
    {
        try
        {
            var models = workflows.Select(w => w.Json.ToObject<Workflow>()!).ToArray();
            return new RulesEngine.RulesEngine(models, ExpressionCompiler.Settings());
        }
        catch (Exception ex)
        {
            errors.Add(new RuleSetError("rules/", null, null, "RulesEngine refused the workflows: " + ex.Message));
            return null;
        }
    }

    /// <summary>Decides and checks every trial application; a rule that throws on one of them refuses the rule set.</summary>
    private static List<Trial> TrialRun(RuleSetSource source, PolicySet policy, List<RuleSetError> errors)
    {
        var trials = new List<Trial>();
        foreach (var file in source.RuleFiles.Where(f => IsTrial(f.Path)))
        {
            LoadProgress.At(file.Path, null, null, "deciding the trial application");
            var input = ApplicationReader.Read(file.Content, policy);
            if (!input.IsValid)
            {
                foreach (var e in input.Errors)
                {
                    errors.Add(new RuleSetError(file.Path, null, null, $"the trial application is not valid under this rule set: {e.Path} {e.Message}"));
                }
                continue;
            }
            try
            {
                var decision = DecisionPipeline.Decide(input.Value!, policy, EmptyLedger.Instance);
                var check = DecisionPipeline.Check(input.Value!, policy, EmptyLedger.Instance);
                trials.Add(new Trial(file.Path, input.Value!, decision, check));
            }
            catch (RuleEvaluationException ex)
            {
                errors.Add(new RuleSetError(ex.Rule.File, ex.Rule.RuleName, null, $"fails on the trial application {file.Path}: {ex.InnerException?.Message}"));
            }
        }
        return trials;
    }

    private sealed record Trial(string File, Application Application, Decision Decision, EligibilityCheck Check);

    /// <summary>
    /// Renders the letter of every trial decision in every language (dated the day the application was submitted, so no
    /// clock is read): a template that fails, or a letter that leaves out a reason's clause id, refuses the rule set.
    /// </summary>
    private static void TrialLetters(PolicySet policy, LetterTemplateSet letters, List<Trial> trials, List<RuleSetError> errors)
    {
        if (letters.Settings is not { } settings)
        {
            return;
        }
        foreach (var trial in trials)
        {
            foreach (var lang in settings.Languages.Keys)
            {
                LoadProgress.At(trial.File, null, null, $"rendering the {lang} letter of the trial application");
                try
                {
                    var programme = policy.FindProgramme(trial.Decision.Programme)!;
                    var html = letters.Render(programme, trial.Application, trial.Decision, trial.Check, lang, trial.Application.SubmittedOn, LetterLimits.Default);
                    foreach (var reason in trial.Decision.Reasons.Where(r => !html.Contains(r.Id, StringComparison.Ordinal)))
                    {
                        errors.Add(new RuleSetError(LetterTemplateSet.LetterPath(programme.Id, lang), null, null,
                            $"the {lang} letter for the trial application {trial.File} ({trial.Decision.Outcome}) does not cite the reason {reason.Id}"));
                    }
                }
                catch (LetterRenderException ex)
                {
                    errors.Add(new RuleSetError(ex.File, null, ex.Line, $"{ex.Reason} (rendering the {lang} letter for the trial application {trial.File}, {trial.Decision.Outcome})"));
                }
            }
        }
    }
}
