using Decisioning.Input;
using Decisioning.Policy;

namespace Decisioning.Host.Pages;

/// <summary>
/// The choice lists of the consultant's form, drawn from the contract declaration (<see cref="ApplicationContract"/>)
/// and the rule set: the words of every enumerated field, the P1.8 vocabularies with their labels in the page's
/// language, and the programmes and activities. A new enumerated field or word appears on the form with no page change.
/// </summary>
internal static class FormChoices
{
    /// <summary>Every field of the declaration that takes its words from the rule set, by form path (<c>company.region</c>), in declaration order.</summary>
    public static IReadOnlyList<(string Path, ContractField Field)> Declared { get; } = Walk(ApplicationContract.Fields, "").ToList();

    private static readonly Dictionary<string, ContractField> ByPath = Declared.ToDictionary(d => d.Path, d => d.Field, StringComparer.Ordinal);

    /// <summary>The options (word sent, label shown) for the field at <paramref name="path"/>; empty when it has none.</summary>
    public static IReadOnlyList<(string Word, string Label)> Options(string path, PolicySet policy, string lang)
    {
        if (path == "programme")
        {
            return policy.Programmes.Keys.Select(k => (k, k)).ToList();
        }
        if (path == "activity")
        {
            return policy.Programmes.Values.SelectMany(p => p.Activities.Select(a => a.Id)).Distinct().Select(a => (a, a)).ToList();
        }
        if (!ByPath.TryGetValue(path, out var field))
        {
            return [];
        }
        if (field.WordList is { } list)
        {
            return policy.Vocabularies.GetValueOrDefault(list)?.Words.Select(w => (w.Word, lang == "en" ? w.En : w.Da)).ToList() ?? [];
        }
        return policy.Enumerations.Find(field.Vocabulary!)?.Words.Select(w => (w, w)).ToList() ?? [];
    }

    // Objects only: the arrays (employee history, milestones, prior grants) have no choice lists on the form.
    private static IEnumerable<(string Path, ContractField Field)> Walk(IReadOnlyList<ContractField> fields, string prefix)
    {
        foreach (var field in fields)
        {
            var path = prefix + field.Name;
            if (field.Kind == FieldKind.Object)
            {
                foreach (var inner in Walk(field.Fields, path + "."))
                {
                    yield return inner;
                }
            }
            else if (field.Kind == FieldKind.Word || field.WordList is not null)
            {
                yield return (path, field);
            }
        }
    }
}
