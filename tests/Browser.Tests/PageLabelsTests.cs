using Decisioning.Host.Pages;
using Decisioning.Rules;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Decisioning.Browser.Tests;

/// <summary>
/// Every machine word of the rule set the pages may show has a label in Danish and in English from
/// <see cref="PageLabels"/>: activities, vocabularies, outcomes, bodies, criteria, limits, levels, the scales' words,
/// roles and the scorecard's reasons. The words are read from the rule set, so a new word without a label fails here.
/// </summary>
[TestClass]
public sealed class PageLabelsTests
{
    private static readonly Lazy<(PageLabels Labels, RuleSetSnapshot Snapshot)> Loaded = new(() =>
    {
        var snapshot = RuleSetLoader.Load(Path.Combine(AppContext.BaseDirectory, "rules"), Path.Combine(AppContext.BaseDirectory, "templates"));
        var factory = new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance);
        var texts = new StringLocalizer<PageTexts>(factory);
        return (new PageLabels(new RuleSetHolder(snapshot, Path.Combine(AppContext.BaseDirectory, "rules"), null), texts), snapshot);
    });

    public static IEnumerable<object[]> Words()
    {
        var policy = Loaded.Value.Snapshot.Policy;
        var words = new List<(string Kind, string Word)>();
        foreach (var programme in policy.Programmes.Values)
        {
            words.AddRange(programme.Activities.Select(a => (PageLabels.Activity, a.Id)));
            words.AddRange(programme.Outcomes.Select(o => (PageLabels.Outcome, o.Outcome)));
            words.AddRange(programme.Outcomes.Select(o => (PageLabels.Body, o.DecisionBody)));
            words.AddRange(programme.Criteria.Select(c => (PageLabels.Criterion, c.Name)));
            words.AddRange(programme.Limits.Select(l => (PageLabels.Limit, l.Name)));
            words.AddRange(programme.Levels.Select(l => (PageLabels.Level, l)));
        }
        words.AddRange(policy.Vocabularies.Values.SelectMany(v => v.Words.Select(w => (v.Name, w.Word))));
        words.AddRange(policy.Enumerations.Scales.Where(s => s.Name != "level").SelectMany(s => s.Words.Select(w => (s.Name, w))));
        words.AddRange(Decisioning.Host.Auth.Roles.All.Select(r => (PageLabels.Role, r)));
        words.AddRange(new[] { "condition-met", "met-at-higher-level", "condition-not-met", "no-condition", "no-assessment" }.Select(w => (PageLabels.Why, w)));
        words.Add((PageLabels.Limit, "start-package"));
        return words.Distinct().SelectMany(w => new[] { "da", "en" }.Select(lang => new object[] { w.Kind, w.Word, lang }));
    }

    [TestMethod]
    [DynamicData(nameof(Words))]
    public void Machine_word_has_a_label(string kind, string word, string lang)
    {
        var label = Loaded.Value.Labels.Of(kind, word, lang);
        Assert.IsFalse(label.Missing, $"no {lang} label for the {kind} word '{word}'");
        Assert.AreNotEqual(word, label.Text, $"the {lang} label of the {kind} word '{word}' is the word itself");
    }
}
