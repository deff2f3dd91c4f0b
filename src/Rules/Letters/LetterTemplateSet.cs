using System.Reflection;
using Decisioning.Model;
using Decisioning.Output;
using Decisioning.Policy;
using Decisioning.Rules.Letters.Model;
using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;

namespace Decisioning.Rules.Letters;

/// <summary>
/// The letter templates of one rule-set snapshot, parsed and checked once when the snapshot is built: the letter and
/// include templates, the reason texts per clause and language, and the settings. Rendering parses nothing.
/// </summary>
public sealed class LetterTemplateSet
{
    /// <summary>The settings file under <c>templates/</c>.</summary>
    public const string SettingsPath = "templates/letters.json";

    /// <summary>The template's top-level variables: the model's properties under their snake_case names.</summary>
    private static readonly (string Name, PropertyInfo Property)[] ModelVariables =
        typeof(LetterModel).GetProperties().Select(p => (StandardMemberRenamer.Default(p), p)).ToArray();

    private readonly IReadOnlyDictionary<string, Template> _templates;
    private readonly IReadOnlyDictionary<string, ReasonText> _reasons;
    private readonly IReadOnlyDictionary<string, IReadOnlyDictionary<string, decimal>> _parameters;

    internal LetterTemplateSet(
        LetterSettings? settings,
        IReadOnlyDictionary<string, Template> templates,
        IReadOnlyDictionary<string, ReasonText> reasons,
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, decimal>> parameters)
    {
        Settings = settings;
        _templates = templates;
        _reasons = reasons;
        _parameters = parameters;
    }

    /// <summary>The set of a rule set without a <c>templates/</c> folder: every render fails with a clear error.</summary>
    public static LetterTemplateSet Empty { get; } = new(null, new Dictionary<string, Template>(), new Dictionary<string, ReasonText>(), new Dictionary<string, IReadOnlyDictionary<string, decimal>>());

    /// <summary>The settings from <see cref="SettingsPath"/>; null when the rule set has no templates.</summary>
    public LetterSettings? Settings { get; }

    /// <summary>True when the rule set has no templates.</summary>
    public bool IsEmpty => Settings is null;

    /// <summary>The paths of the compiled templates (<c>templates/…scriban</c>).</summary>
    public IEnumerable<string> TemplatePaths => _templates.Keys.Order(StringComparer.Ordinal);

    /// <summary>The path of the letter template of a programme in a language.</summary>
    public static string LetterPath(string programme, string lang) => $"templates/{programme}/letter.{lang}.html.scriban";

    /// <summary>The reasons file of a programme, or of the shared texts when <paramref name="programme"/> is <c>shared</c>.</summary>
    public static string ReasonsPath(string programme) => $"templates/{programme}/reasons.json";

    internal bool TryGetTemplate(string path, out Template template) => _templates.TryGetValue(path, out template!);

    /// <summary>The text of a clause: the programme's own, else the shared one.</summary>
    internal ReasonText? FindReason(string programme, string lang, string clause) =>
        _reasons.GetValueOrDefault(ReasonKey(programme, lang, clause)) ?? _reasons.GetValueOrDefault(ReasonKey("shared", lang, clause));

    internal static string ReasonKey(string owner, string lang, string clause) => owner + "\n" + lang + "\n" + clause;

    /// <summary>Renders the letter of a decision; see <see cref="LetterRenderer"/>.</summary>
    internal string Render(ProgrammePolicy programme, Application application, Decision decision, EligibilityCheck check, string lang, DateOnly letterDate, LetterLimits limits, LetterFinalDecision? final = null)
    {
        var path = LetterPath(programme.Id, lang);
        return WithReasons(programme, application, decision, check, lang, letterDate, limits, final, path, (context, language, _) =>
        {
            if (!_templates.TryGetValue(path, out var letter))
            {
                throw new LetterRenderException(path, null, $"there is no letter template for programme '{programme.Id}' in '{lang}'");
            }
            return language.OneFullStop(letter.Render(context));
        });
    }

    /// <summary>
    /// The reasons of a decision as its letter states them in <paramref name="lang"/>, clause by clause (the same texts,
    /// <c>templates/*/reasons.json</c>, the pages show); see <see cref="LetterRenderer.Reasons"/>.
    /// </summary>
    internal IReadOnlyList<LetterReason> Reasons(ProgrammePolicy programme, Application application, Decision decision, EligibilityCheck check, string lang, DateOnly letterDate, LetterLimits limits) =>
        WithReasons(programme, application, decision, check, lang, letterDate, limits, null, ReasonsPath(programme.Id), (_, _, reasons) => reasons);

    /// <summary>Builds the letter model, renders every reason text into it and hands the context to <paramref name="render"/>.</summary>
    private T WithReasons<T>(ProgrammePolicy programme, Application application, Decision decision, EligibilityCheck check, string lang, DateOnly letterDate,
        LetterLimits limits, LetterFinalDecision? final, string path, Func<LetterContext, LetterLanguage, IReadOnlyList<LetterReason>, T> render)
    {
        if (Settings is null)
        {
            throw new LetterRenderException(SettingsPath, null, "this rule set has no letter templates (templates/ is missing or empty)");
        }
        if (!Settings.Languages.TryGetValue(lang, out var language))
        {
            throw new LetterRenderException(SettingsPath, null, $"there is no letter language '{lang}' (the languages are {string.Join(", ", Settings.Languages.Keys)})");
        }
        var model = LetterModelBuilder.Build(programme, application, decision, check, Settings, language, letterDate,
            _parameters.GetValueOrDefault(programme.Id) ?? new Dictionary<string, decimal>(), final);

        using var cancel = new CancellationTokenSource(limits.TimeLimit);
        var context = LetterContext.Rent(this, language, limits, cancel.Token);
        try
        {
            var globals = new ScriptObject(ModelVariables.Length);
            foreach (var (name, property) in ModelVariables)
            {
                globals.SetValue(name, property.GetValue(model), false);
            }
            context.PushGlobal(globals);
            var reasons = new List<LetterReason>(model.Reasons.Count);
            foreach (var reason in model.Reasons)
            {
                var text = FindReason(programme.Id, lang, reason.Id)
                    ?? throw new LetterRenderException(ReasonsPath(programme.Id), null, $"there is no '{lang}' text for the clause {reason.Id}");
                reasons.Add(reason with { Text = RenderReason(context, text, reason, limits), Basis = Basis(text, model.LegalBasis) });
            }
            globals.SetValue("reasons", reasons, false);
            var result = render(context, language, reasons);
            context.Return();
            return result;
        }
        catch (ScriptRuntimeException ex)
        {
            throw Translate(ex, path, limits, null);
        }
        catch (Exception ex) when (ex is not LetterRenderException)
        {
            throw new LetterRenderException(context.CurrentSourceFile ?? path, null, ex.Message, ex);
        }
    }

    /// <summary>The document a clause stands in (the framework's or the programme's, as <c>letters.json</c> names them) and its section.</summary>
    private static LetterReasonBasis? Basis(ReasonText text, LetterBasis documents) => text.BasisDocument switch
    {
        "framework" => new LetterReasonBasis(documents.Framework, text.BasisSection),
        "programme" => new LetterReasonBasis(documents.Programme, text.BasisSection),
        _ => null,
    };

    private static HtmlFragment RenderReason(LetterContext context, ReasonText text, LetterReason reason, LetterLimits limits)
    {
        var local = new ScriptObject();
        local.SetValue("reason", reason, true);
        context.PushGlobal(local);
        try
        {
            return context.RenderFragment(text.Template);
        }
        catch (ScriptRuntimeException ex)
        {
            throw Translate(ex, text.File, limits, text);
        }
        finally
        {
            context.PopGlobal();
        }
    }

    /// <summary>Names the file and line of a template error; a line inside a reason text is counted in its reasons file.</summary>
    private static LetterRenderException Translate(ScriptRuntimeException ex, string fallbackFile, LetterLimits limits, ReasonText? reason)
    {
        var file = string.IsNullOrEmpty(ex.Span.FileName) ? fallbackFile : ex.Span.FileName;
        int? line = ex.Span.Start.Line >= 0 ? ex.Span.Start.Line + 1 : null;
        if (reason is not null && file == reason.File)
        {
            line = reason.Line + (line ?? 1) - 1;
        }
        var message = ex is ScriptAbortException
            ? $"the letter took longer than {limits.TimeLimit.TotalMilliseconds:0} ms to render and was stopped (an endless loop?)"
            : ex.OriginalMessage;
        return new LetterRenderException(file, line, message, ex);
    }
}
