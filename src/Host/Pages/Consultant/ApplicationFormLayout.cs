using Decisioning.Input;

namespace Decisioning.Host.Pages.Consultant;

/// <summary>
/// The consultant's form derived from the contract declaration (<see cref="ApplicationContract"/>): one section per
/// object of the application (the application's own fields, the company, each criterion of the assessment, the
/// project) and one table of rows per list (employee history, milestones, earlier grants), every control named by its
/// JSON path without <c>$.</c>. A new field in the declaration is a new control here with no page change.
/// </summary>
public static class ApplicationFormLayout
{
    /// <summary>The section of the application's own (top-level) fields.</summary>
    public const string RootSection = "application";

    /// <summary>Every section in declaration order.</summary>
    public static IReadOnlyList<FormSection> Sections { get; } = Build();

    /// <summary>Every list of the declaration (<c>company.employeeHistory</c>, <c>project.milestones</c>, <c>priorGrants</c>).</summary>
    public static IReadOnlyList<FormSection> Lists { get; } = Sections.Where(s => s.List is not null).ToList();

    /// <summary>The list with the given path, or null.</summary>
    public static FormSection? ListAt(string path) => Lists.FirstOrDefault(l => l.Path == path);

    /// <summary>
    /// The most values a complete form posts (every list at its most rows, every box ticked), plus the button and the
    /// antiforgery token, and each list's row count: the page's form limit must take at least this many.
    /// </summary>
    public static int MostValues => Sections.Sum(s => s.List is { } list ? s.Fields.Count * (list.MaxItems ?? 0) + 1 : s.Fields.Count) + 2;

    /// <summary>The HTML id of a control (<c>f-priorGrants-1--grantDkk</c>), also the target of the error summary's links.</summary>
    public static string IdOf(string name) =>
        "f-" + string.Concat(name.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-'));

    private static List<FormSection> Build()
    {
        var sections = new List<FormSection>();
        Walk(ApplicationContract.Fields, "", null, sections);
        return sections;
    }

    private static void Walk(IReadOnlyList<ContractField> fields, string prefix, ContractField? owner, List<FormSection> sections)
    {
        var here = fields.Where(f => f.Kind is not (FieldKind.Object or FieldKind.ObjectArray)).ToList();
        var path = prefix.TrimEnd('.');
        var own = here.Count == 0 ? null : new FormSection(path.Length == 0 ? RootSection : path, path, owner, null, here);
        // The object's own fields come first when it starts with them (the company), last when it starts with parts (the assessment).
        var ownFirst = own is not null && fields[0].Kind is not (FieldKind.Object or FieldKind.ObjectArray);
        if (ownFirst)
        {
            sections.Add(own!);
        }
        foreach (var field in fields)
        {
            if (field.Kind == FieldKind.Object)
            {
                Walk(field.Fields, prefix + field.Name + ".", field, sections);
            }
            else if (field.Kind == FieldKind.ObjectArray)
            {
                sections.Add(new FormSection(prefix + field.Name, prefix + field.Name, owner, field, field.Fields));
            }
        }
        if (own is not null && !ownFirst)
        {
            sections.Add(own);
        }
    }
}
