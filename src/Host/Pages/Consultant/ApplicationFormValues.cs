using System.Globalization;

namespace Decisioning.Host.Pages.Consultant;

/// <summary>
/// What the consultant's form holds: the text of every control by its name (<c>company.cvr</c>,
/// <c>priorGrants[1].grantDkk</c>) and how many rows each list shows. Adding or removing a row is a button that posts
/// the form (no script): <see cref="Apply"/> makes the new state, and the page shows it again.
/// </summary>
public sealed class ApplicationFormValues
{
    /// <summary>The prefix of the hidden field that carries a list's row count (<c>rows:priorGrants</c>).</summary>
    public const string RowsPrefix = "rows:";

    private readonly Dictionary<string, string> _values;
    private readonly Dictionary<string, int> _rows;

    private ApplicationFormValues(Dictionary<string, string> values, Dictionary<string, int> rows)
    {
        _values = values;
        _rows = rows;
    }

    /// <summary>An empty form with one row per list and the given starting values (the programme, say).</summary>
    public static ApplicationFormValues Empty(IReadOnlyDictionary<string, string>? defaults = null) =>
        new(new Dictionary<string, string>(defaults ?? new Dictionary<string, string>(), StringComparer.Ordinal),
            ApplicationFormLayout.Lists.ToDictionary(l => l.Path, _ => 1, StringComparer.Ordinal));

    /// <summary>The posted form: each name's first value; each list's rows from its hidden count, within the list's bound.</summary>
    public static ApplicationFormValues From(IEnumerable<KeyValuePair<string, string>> posted)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in posted)
        {
            values.TryAdd(name, value);
        }
        var rows = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var list in ApplicationFormLayout.Lists)
        {
            var count = values.TryGetValue(RowsPrefix + list.Path, out var text) && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 1;
            rows[list.Path] = Math.Clamp(count, 0, list.List!.MaxItems ?? 1);
        }
        return new ApplicationFormValues(values, rows);
    }

    /// <summary>The text of a control; empty when not given.</summary>
    public string this[string name] => _values.GetValueOrDefault(name) ?? "";

    /// <summary>True when a check box was ticked (posted with the value <c>true</c>).</summary>
    public bool IsTicked(string name) => _values.GetValueOrDefault(name) == "true";

    /// <summary>True when the control was posted at all.</summary>
    public bool Has(string name) => _values.ContainsKey(name);

    /// <summary>The rows a list shows.</summary>
    public int RowsOf(string list) => _rows.GetValueOrDefault(list);

    /// <summary>
    /// The state after a row button: <c>add:LIST</c> adds an empty row (up to the list's bound), <c>remove:LIST:N</c>
    /// removes row N and moves the rows after it up. Any other action leaves the form as it is.
    /// </summary>
    public ApplicationFormValues Apply(string? action)
    {
        var parts = (action ?? "").Split(':');
        if (parts is ["add", var path] && ApplicationFormLayout.ListAt(path) is { } added)
        {
            var rows = new Dictionary<string, int>(_rows, StringComparer.Ordinal) { [path] = Math.Min(RowsOf(path) + 1, added.List!.MaxItems ?? 1) };
            return new ApplicationFormValues(_values, rows);
        }
        if (parts is ["remove", var list, var number] && ApplicationFormLayout.ListAt(list) is { } section
            && int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var row) && row < RowsOf(list))
        {
            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (name, value) in _values)
            {
                if (RowOf(name, list) is not { } at)
                {
                    values[name] = value;
                }
                else if (at != row)
                {
                    values[at > row ? $"{list}[{at - 1}]{name[name.IndexOf(']', StringComparison.Ordinal)..][1..]}" : name] = value;
                }
            }
            var rows = new Dictionary<string, int>(_rows, StringComparer.Ordinal) { [list] = RowsOf(list) - 1 };
            return new ApplicationFormValues(values, rows);
        }
        return this;
    }

    /// <summary>The row index of a control of the list (<c>priorGrants[3].level</c> is 3), or null.</summary>
    private static int? RowOf(string name, string list) =>
        name.StartsWith(list + "[", StringComparison.Ordinal) && name.IndexOf(']', list.Length) is var end and > 0
        && int.TryParse(name.AsSpan(list.Length + 1, end - list.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var row)
            ? row : null;
}
