using System.Globalization;
using Decisioning.Policy;
using Decisioning.Rules;
using Microsoft.Extensions.Localization;

namespace Decisioning.Host.Pages;

/// <summary>
/// The one source of the labels of machine words on the pages. From the rule set: activities (their names), the P1.8
/// vocabularies (region, sector) and the letters' labels (outcome, body, criterion), the same the letters print. From
/// the pages' texts (.resx): levels, limits, roles, the scales' words (<c>businessPlan</c>: <c>none</c>,
/// <c>in-process</c>, …) and the scorecard's reasons, under <c>KIND-WORD</c>. A word with no label is returned as
/// itself and marked missing, so a page shows it visibly marked and a test fails on it.
/// </summary>
public sealed class PageLabels(RuleSetHolder rules, IStringLocalizer<PageTexts> texts)
{
    public const string Activity = "activity";
    public const string Outcome = "outcome";
    public const string Body = "body";
    public const string Criterion = "criterion";
    public const string Level = "level";
    public const string Limit = "limit";
    public const string Role = "role";
    /// <summary>Why a criterion was or was not met at a level (<c>condition-met</c>, …).</summary>
    public const string Why = "why";

    /// <summary>The label of <paramref name="word"/> of <paramref name="kind"/> in <paramref name="lang"/>, by the active rule set.</summary>
    public LabelText Of(string kind, string? word, string lang) => Of(kind, word, lang, rules.Current);

    /// <summary>The label by a given rule set (the one a decision was made under).</summary>
    public LabelText Of(string kind, string? word, string lang, RuleSetSnapshot snapshot)
    {
        if (string.IsNullOrEmpty(word))
        {
            return new LabelText("–", false);
        }
        lang = PageLanguage.Of(lang);
        var policy = snapshot.Policy;
        if (kind == Activity)
        {
            var activity = policy.Programmes.Values.Select(p => p.FindActivity(word)).FirstOrDefault(a => a is not null);
            return activity is null ? Missing(word) : new LabelText(lang == PageLanguage.English ? activity.NameEn : activity.NameDa, false);
        }
        if (policy.Vocabularies.GetValueOrDefault(kind)?.Find(word) is { } vocabularyWord)
        {
            return new LabelText(lang == PageLanguage.English ? vocabularyWord.En : vocabularyWord.Da, false);
        }
        if (snapshot.Letters.Settings?.Label(kind, word, lang) is { } letterLabel)
        {
            return new LabelText(letterLabel, false);
        }
        if (kind == Level)
        {
            return Text("level-word", lang, word) is { } level ? new LabelText(level, false) : Missing(word);
        }
        return Text($"{kind}-{word}", lang) is { } text ? new LabelText(text, false) : Missing(word);
    }

    /// <summary>Every machine word a page must never show as text: the rule set's vocabularies, outcomes, limits and activities.</summary>
    public static IReadOnlyList<string> MachineWords(PolicySet policy) =>
        policy.Vocabularies.Values.SelectMany(v => v.Words.Select(w => w.Word))
            .Concat(policy.Programmes.Values.SelectMany(p => p.Activities.Select(a => a.Id)))
            .Concat(policy.Programmes.Values.SelectMany(p => p.Limits.Select(l => l.Name)))
            .Concat(policy.Programmes.Values.SelectMany(p => p.Outcomes.Select(o => o.Outcome)))
            .Distinct(StringComparer.Ordinal)
            .ToList();

    private readonly Lazy<IReadOnlySet<string>> _englishKeys = new(() => KeysOf(texts, PageLanguage.English));

    /// <summary>
    /// The text of a key in the language, or null when that language has none: an English label missing from
    /// <c>PageTexts.en.resx</c> is missing, not the Danish one the resources would fall back to.
    /// </summary>
    private string? Text(string key, string lang, params object[] values)
    {
        if (lang == PageLanguage.English && !_englishKeys.Value.Contains(key))
        {
            return null;
        }
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = PageLanguage.UiCulture(lang);
        try
        {
            var text = texts[key, values];
            return text.ResourceNotFound ? null : text.Value;
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    private static LabelText Missing(string word) => new(word, true);

    private static HashSet<string> KeysOf(IStringLocalizer texts, string lang)
    {
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = PageLanguage.UiCulture(lang);
        try
        {
            return texts.GetAllStrings(includeParentCultures: false).Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }
}
