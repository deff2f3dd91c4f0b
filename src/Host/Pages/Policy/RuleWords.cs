using System.Text.RegularExpressions;
using Decisioning.Policy;

namespace Decisioning.Host.Pages.Policy;

/// <summary>
/// A rule's expression or name as a Danish page shows it: every word of the rule set in it (an activity, outcome,
/// limit, or a word of an enumeration or vocabulary, such as <c>"young"</c>) replaced by its label, so the policy page
/// shows no machine word; the rest of the expression stays as the rule set writes it.
/// </summary>
public static partial class RuleWords
{
    /// <summary>The text with each machine word of <paramref name="policy"/> replaced by its label in <paramref name="lang"/>.</summary>
    public static string Readable(string text, PolicySet policy, PageLabels labels, string lang) =>
        Word().Replace(text, m => KindOf(m.Value, policy) is { } kind && labels.Of(kind, m.Value, lang) is { Missing: false } label ? label.Text : m.Value);

    /// <summary>The kind of label a word of the rule set has, or null when it is no word of the rule set.</summary>
    private static string? KindOf(string word, PolicySet policy)
    {
        var programmes = policy.Programmes.Values;
        if (programmes.Any(p => p.FindActivity(word) is not null))
        {
            return PageLabels.Activity;
        }
        if (programmes.Any(p => p.Outcomes.Any(o => o.Outcome == word)))
        {
            return PageLabels.Outcome;
        }
        if (programmes.Any(p => p.Limits.Any(l => l.Name == word)))
        {
            return PageLabels.Limit;
        }
        if (policy.Vocabularies.FirstOrDefault(v => v.Value.Find(word) is not null) is { Key: { } vocabulary })
        {
            return vocabulary;
        }
        return policy.Enumerations.Scales.FirstOrDefault(s => s.Words.Contains(word))?.Name;
    }

    [GeneratedRegex(@"[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*")]
    private static partial Regex Word();
}
