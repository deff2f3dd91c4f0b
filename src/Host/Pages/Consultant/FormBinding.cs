using System.Text.Json.Nodes;

namespace Decisioning.Host.Pages.Consultant;

/// <summary>
/// The application a form made, and where each of its list items came from: a blank row is no item, so item 0 of the
/// JSON may be row 1 of the form, and an error at <c>$.priorGrants[0].grantDkk</c> belongs beside <c>priorGrants[1].grantDkk</c>.
/// </summary>
/// <param name="Application">The application as the JSON API takes it.</param>
/// <param name="RowNames">Each item's JSON path (<c>$.priorGrants[0]</c>) to its row's form name (<c>priorGrants[1]</c>).</param>
public sealed record FormBinding(JsonObject Application, IReadOnlyDictionary<string, string> RowNames)
{
    /// <summary>The form control an error's JSON path names (<c>$.company.cvr</c> is <c>company.cvr</c>).</summary>
    public string FormNameOf(string jsonPath)
    {
        foreach (var (item, row) in RowNames)
        {
            if (jsonPath == item || jsonPath.StartsWith(item + ".", StringComparison.Ordinal))
            {
                return row + jsonPath[item.Length..];
            }
        }
        return jsonPath.StartsWith("$.", StringComparison.Ordinal) ? jsonPath[2..] : jsonPath.TrimStart('$');
    }

    /// <summary>True when the form gave at least one earlier grant (without, the caps see only the service's own ledger).</summary>
    public bool HasPriorGrants => Application["priorGrants"] is JsonArray { Count: > 0 };
}
