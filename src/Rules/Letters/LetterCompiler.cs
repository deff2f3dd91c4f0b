using Decisioning.Pipeline;
using Decisioning.Policy;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Scriban;
using Scriban.Syntax;

namespace Decisioning.Rules.Letters;

/// <summary>
/// Compiles the <c>templates/</c> files of a rule set into a <see cref="LetterTemplateSet"/>: parses every template
/// and reason text once, and checks that every programme has a letter in every language, that every clause the rules
/// can cite has a text in every language and that every literal include names a template of the set. Each problem is
/// added to the rule set's errors with its file and line.
/// </summary>
internal static class LetterCompiler
{
    private const string TemplateExtension = ".scriban";
    private const string ReasonsFile = "reasons.json";
    private const string ProgrammeFile = "programme.json";

    public static LetterTemplateSet Compile(RuleSetSource source, PolicySet policy, List<RuleSetError> errors)
    {
        var files = source.TemplateFiles.ToList();
        if (files.Count == 0)
        {
            return LetterTemplateSet.Empty;
        }
        var before = errors.Count;
        LetterSettings? settings = null;
        var templates = new Dictionary<string, Template>(StringComparer.Ordinal);
        var reasons = new Dictionary<string, ReasonText>(StringComparer.Ordinal);
        var programmeFiles = new List<RuleSetFile>();
        foreach (var file in files)
        {
            if (file.Path.EndsWith("/" + ProgrammeFile, StringComparison.Ordinal) && file.Path.Count(c => c == '/') == 2)
            {
                programmeFiles.Add(file);
            }
            else if (file.Path == LetterTemplateSet.SettingsPath)
            {
                settings = LetterSettingsReader.Read(file, errors);
            }
            else if (file.Path.EndsWith(TemplateExtension, StringComparison.Ordinal))
            {
                // An include's last line break is not text: "{{ include "x" }}." must not break the line.
                var text = IsLetter(file.Path) ? file.Text : TrimLastLineBreak(file.Text);
                if (Parse(text, file.Path, 1, errors) is { } template)
                {
                    templates[file.Path] = template;
                }
            }
            else if (file.Path.EndsWith("/" + ReasonsFile, StringComparison.Ordinal))
            {
                ReadReasons(file, policy, reasons, errors);
            }
            else if (!file.Path.EndsWith(".md", StringComparison.OrdinalIgnoreCase))
            {
                errors.Add(new RuleSetError(file.Path, null, null, $"unexpected file: templates/ holds letters.json, *{TemplateExtension} templates, {ReasonsFile} texts, a {ProgrammeFile} per programme and *.md notes"));
            }
        }
        if (settings is null)
        {
            if (files.All(f => f.Path != LetterTemplateSet.SettingsPath))
            {
                errors.Add(new RuleSetError(LetterTemplateSet.SettingsPath, null, null, "the letter settings are missing: languages, growth house, contact line and complaint guidance"));
            }
            return LetterTemplateSet.Empty;
        }
        settings = settings with
        {
            ProgrammeDocuments = ReadProgrammeDocuments(programmeFiles, policy, settings, errors),
            Labels = WithVocabularyLabels(settings.Labels, policy),
        };
        CheckCoverage(policy, settings, templates, reasons, errors);
        CheckIncludes(templates, reasons.Values, errors);
        if (errors.Count > before)
        {
            return LetterTemplateSet.Empty;
        }
        var parameters = policy.Programmes.Keys.ToDictionary(id => id, id => RuleParameters.For(source, id), StringComparer.Ordinal);
        return new LetterTemplateSet(settings, templates, reasons, parameters);
    }

    /// <summary>
    /// Reads each <c>templates/PROGRAMME/programme.json</c>: <c>{ "title": { "da": "…", "en": "…" } }</c>, the programme
    /// document the letters name as the legal basis, so a new programme brings its own. The budget period is rule-set
    /// data (parameter <c>budgetPeriod</c>, P6.5) and reaches the letter through the decision's <c>facts.budget.period</c>.
    /// </summary>
    private static Dictionary<string, ProgrammeDocument> ReadProgrammeDocuments(List<RuleSetFile> files, PolicySet policy, LetterSettings settings, List<RuleSetError> errors)
    {
        var documents = new Dictionary<string, ProgrammeDocument>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var owner = file.Path["templates/".Length..^("/" + ProgrammeFile).Length];
            if (policy.FindProgramme(owner) is null)
            {
                errors.Add(new RuleSetError(file.Path, null, null, $"'{owner}' is not a programme of the rules ({string.Join(", ", policy.Programmes.Keys)})"));
                continue;
            }
            JObject root;
            try
            {
                root = JObject.Parse(file.Text);
            }
            catch (JsonReaderException ex)
            {
                errors.Add(new RuleSetError(file.Path, null, ex.LineNumber, "not valid JSON: " + ex.Message));
                continue;
            }
            var title = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var lang in settings.Languages.Keys)
            {
                if (root["title"]?[lang] is { Type: JTokenType.String } t && !string.IsNullOrWhiteSpace((string?)t))
                {
                    title[lang] = (string)t!;
                }
                else
                {
                    errors.Add(new RuleSetError(file.Path, null, Line(root["title"] ?? root), $"\"title.{lang}\" must name the programme document in '{lang}'"));
                }
            }
            if (root["budgetPeriod"] is { } period)
            {
                errors.Add(new RuleSetError(file.Path, null, Line(period), "\"budgetPeriod\" is a parameter of the rules now (kind 'parameter', parameter 'budgetPeriod', P6.5, in the programme's activities.json)"));
            }
            documents[owner] = new ProgrammeDocument(title);
        }
        return documents;
    }

    private static bool IsLetter(string path) =>
        System.IO.Path.GetFileName(path).StartsWith("letter.", StringComparison.Ordinal) && path.Count(c => c == '/') == 2;

    private static string TrimLastLineBreak(string text) =>
        text.EndsWith("\r\n", StringComparison.Ordinal) ? text[..^2] : text.EndsWith('\n') ? text[..^1] : text;

    /// <summary>Parses a template; a parse error is reported at its line in <paramref name="path"/>, counted from <paramref name="firstLine"/>.</summary>
    private static Template? Parse(string text, string path, int firstLine, List<RuleSetError> errors)
    {
        var template = Template.Parse(text, path);
        if (!template.HasErrors)
        {
            return template;
        }
        foreach (var message in template.Messages.Where(m => m.Type == Scriban.Parsing.ParserMessageType.Error))
        {
            errors.Add(new RuleSetError(path, null, firstLine + Math.Max(0, message.Span.Start.Line), "template error: " + message.Message));
        }
        return null;
    }

    /// <summary>Reads <c>templates/OWNER/reasons.json</c>: <c>{ "P1.3": { "da": "…", "en": "…" } }</c>, each text a small template.</summary>
    private static void ReadReasons(RuleSetFile file, PolicySet policy, Dictionary<string, ReasonText> reasons, List<RuleSetError> errors)
    {
        var owner = file.Path["templates/".Length..^("/" + ReasonsFile).Length];
        if (owner != "shared" && policy.FindProgramme(owner) is null)
        {
            errors.Add(new RuleSetError(file.Path, null, null, $"'{owner}' is neither 'shared' nor a programme of the rules ({string.Join(", ", policy.Programmes.Keys)})"));
            return;
        }
        JObject root;
        try
        {
            root = JObject.Parse(file.Text);
        }
        catch (JsonReaderException ex)
        {
            errors.Add(new RuleSetError(file.Path, null, ex.LineNumber, "not valid JSON: " + ex.Message));
            return;
        }
        foreach (var clause in root.Properties())
        {
            if (clause.Value is not JObject byLang)
            {
                errors.Add(new RuleSetError(file.Path, null, Line(clause), $"the clause {clause.Name} must be an object of texts by language: {{ \"da\": \"…\", \"en\": \"…\" }}"));
                continue;
            }
            var (document, section) = ReadBasis(file, clause, byLang["basis"], errors);
            foreach (var text in byLang.Properties().Where(p => p.Name != "basis"))
            {
                if (text.Value.Type != JTokenType.String)
                {
                    errors.Add(new RuleSetError(file.Path, null, Line(text), $"the {text.Name} text of {clause.Name} must be a string"));
                    continue;
                }
                var line = Line(text) ?? 1;
                if (Parse((string)text.Value!, file.Path, line, errors) is { } template)
                {
                    reasons[LetterTemplateSet.ReasonKey(owner, text.Name, clause.Name)] = new ReasonText(clause.Name, text.Name, template, file.Path, line, document, section);
                }
            }
        }
    }

    /// <summary>
    /// Reads a clause's <c>"basis": { "document": "framework" | "programme", "section": "3.5" }</c>: where the clause stands
    /// in the programme documents named in <c>letters.json</c>, so the letter cites the document, not the clause id.
    /// </summary>
    private static (string? Document, string? Section) ReadBasis(RuleSetFile file, JProperty clause, JToken? basis, List<RuleSetError> errors)
    {
        if (basis is not JObject o || (string?)o["document"] is not ("framework" or "programme") || o["section"] is { Type: not JTokenType.String })
        {
            errors.Add(new RuleSetError(file.Path, null, Line(basis ?? clause),
                $"the clause {clause.Name} must say where it stands in the programme documents: \"basis\": {{ \"document\": \"framework\" or \"programme\", \"section\": \"3.5\" }}"));
            return (null, null);
        }
        return ((string)o["document"]!, (string?)o["section"]);
    }

    private static int? Line(JToken token) => token is IJsonLineInfo info && info.HasLineInfo() ? info.LineNumber : null;

    /// <summary>Every programme has a letter in every language; every clause its rules can cite has a text in every language.</summary>
    /// <summary>
    /// The rule set's vocabularies (P1.8) are the one source of the region and sector labels; letters.json may word a
    /// label differently for letters (e.g. with an article), but a word the rule set adds is never printed as code.
    /// </summary>
    private static IReadOnlyDictionary<string, IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>> WithVocabularyLabels(
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>> letterLabels, PolicySet policy)
    {
        var merged = letterLabels.ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
        foreach (var vocabulary in policy.Vocabularies.Values)
        {
            var words = (merged.GetValueOrDefault(vocabulary.Name) ?? new Dictionary<string, IReadOnlyDictionary<string, string>>())
                .ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
            foreach (var word in vocabulary.Words.Where(w => !words.ContainsKey(w.Word)))
            {
                words[word.Word] = new Dictionary<string, string>(StringComparer.Ordinal) { ["da"] = word.Da, ["en"] = word.En };
            }
            merged[vocabulary.Name] = words;
        }
        return merged;
    }

    private static void CheckCoverage(PolicySet policy, LetterSettings settings, Dictionary<string, Template> templates, Dictionary<string, ReasonText> reasons, List<RuleSetError> errors)
    {
        foreach (var text in reasons.Values.Where(r => !settings.Languages.ContainsKey(r.Lang)))
        {
            errors.Add(new RuleSetError(text.File, null, text.Line, $"'{text.Lang}' is not a letter language of {LetterTemplateSet.SettingsPath} ({string.Join(", ", settings.Languages.Keys)})"));
        }
        foreach (var programme in policy.Programmes.Values)
        {
            if (!settings.ProgrammeDocuments.ContainsKey(programme.Id))
            {
                errors.Add(new RuleSetError($"templates/{programme.Id}/{ProgrammeFile}", null, null, $"the programme '{programme.Id}' has no {ProgrammeFile} naming its document (templates/{programme.Id}/{ProgrammeFile})"));
            }
            var words = policy.Vocabularies.Values.SelectMany(v => v.Words.Select(w => (v.Name, w.Word)))
                .Concat(programme.Criteria.Select(c => ("criterion", c.Name)))
                .Concat(programme.Outcomes.Select(o => ("body", o.DecisionBody)))
                .Concat(programme.Outcomes.Select(o => ("outcome", o.Outcome)))
                .Distinct();
            foreach (var (vocabulary, word) in words)
            {
                foreach (var lang in settings.Languages.Keys.Where(l => settings.Label(vocabulary, word, l) is null))
                {
                    errors.Add(new RuleSetError(LetterTemplateSet.SettingsPath, null, null, $"\"labels.{vocabulary}\" has no '{lang}' word for '{word}', which the rules use"));
                }
            }
            foreach (var lang in settings.Languages.Keys)
            {
                var path = LetterTemplateSet.LetterPath(programme.Id, lang);
                if (!templates.ContainsKey(path))
                {
                    errors.Add(new RuleSetError(path, null, null, $"the letter template of programme '{programme.Id}' in '{lang}' is missing"));
                }
                foreach (var clause in CitableClauses(programme))
                {
                    if (!reasons.ContainsKey(LetterTemplateSet.ReasonKey(programme.Id, lang, clause)) && !reasons.ContainsKey(LetterTemplateSet.ReasonKey("shared", lang, clause)))
                    {
                        errors.Add(new RuleSetError(LetterTemplateSet.ReasonsPath(programme.Id), null, null,
                            $"there is no '{lang}' text for the clause {clause}, which the rules can give as a reason (add it here or in {LetterTemplateSet.ReasonsPath("shared")})"));
                    }
                }
            }
        }
    }

    /// <summary>The clause ids a decision of the programme can carry as reasons: checks, referrals, limits and outcome clauses.</summary>
    internal static IEnumerable<string> CitableClauses(ProgrammePolicy programme) =>
        programme.Checks.Select(c => c.Rule.Clause)
            .Concat(programme.Referrals.Select(r => r.Rule.Clause))
            .Concat(programme.Limits.Select(l => l.Rule.Clause))
            .Concat(programme.Outcomes.SelectMany(o => o.Reasons).Where(r => r is not (PolicyWords.FailedChecks or PolicyWords.Referrals or PolicyWords.BindingLimit)))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal);

    /// <summary>An <c>include "NAME"</c> with a literal name must name a template of the set, whether or not a trial reaches it.</summary>
    private static void CheckIncludes(Dictionary<string, Template> templates, IEnumerable<ReasonText> reasons, List<RuleSetError> errors)
    {
        var all = templates.Select(t => (t.Key, t.Value, Offset: 0)).Concat(reasons.Select(r => (r.File, r.Template, Offset: r.Line - 1)));
        foreach (var (path, template, offset) in all)
        {
            var finder = new IncludeFinder();
            template.Page?.Accept(finder);
            foreach (var (name, line) in finder.Includes.Where(i => !templates.ContainsKey("templates/" + i.Name)))
            {
                errors.Add(new RuleSetError(path, null, offset + line, $"include \"{name}\": there is no template templates/{name}"));
            }
        }
    }

    private sealed class IncludeFinder : ScriptVisitor
    {
        public List<(string Name, int Line)> Includes { get; } = [];

        public override void Visit(ScriptFunctionCall node)
        {
            if (node.Target is ScriptVariable { Name: "include" } && node.Arguments.Count > 0 && node.Arguments[0] is ScriptLiteral { Value: string name })
            {
                Includes.Add((name, node.Span.Start.Line + 1));
            }
            base.Visit(node);
        }
    }
}
