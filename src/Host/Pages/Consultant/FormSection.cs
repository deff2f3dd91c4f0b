using Decisioning.Input;

namespace Decisioning.Host.Pages.Consultant;

/// <summary>
/// One section of the consultant's form: a group of fields of one object (<see cref="List"/> null) or one list whose
/// items are rows of <see cref="Fields"/>.
/// </summary>
/// <param name="Key">The section's name for its heading's text (<c>application</c>, <c>company</c>, <c>assessment.market</c>).</param>
/// <param name="Path">The JSON path of the object or list without <c>$.</c>; empty for the application itself.</param>
/// <param name="Owner">The object the fields belong to (null for the application), for its presence.</param>
/// <param name="List">The list field when the section is a list of rows.</param>
/// <param name="Fields">The scalar fields of the object, or of each row.</param>
public sealed record FormSection(string Key, string Path, ContractField? Owner, ContractField? List, IReadOnlyList<ContractField> Fields)
{
    /// <summary>The form name of a field of this section (<c>company.cvr</c>), or of a row's field (<c>priorGrants[2].grantDkk</c>).</summary>
    public string NameOf(ContractField field, int? row = null) =>
        row is { } r ? $"{Path}[{r}].{field.Name}" : Path.Length == 0 ? field.Name : $"{Path}.{field.Name}";

    /// <summary>The text key of a field, the same for every row (<c>priorGrants.grantDkk</c>).</summary>
    public string LabelKeyOf(ContractField field) => Path.Length == 0 ? field.Name : $"{Path}.{field.Name}";

    /// <summary>True when only a submission reads the section (the project), not an eligibility check.</summary>
    public bool IsForDecisionOnly => Owner?.IsRead(decision: false) == false || List?.IsRead(decision: false) == false;
}
