using System.Globalization;

namespace Decisioning.Model;

/// <summary>
/// The declared input fields the typed model has no property for, by path below the root (<c>company.exportMarkets</c>,
/// <c>priorGrants[0].note</c>): how a field added to the contract declaration reaches the rules (<c>a.Inputs</c>) with no
/// model or reader change. Values are validated by the declaration before they get here.
/// </summary>
public sealed class InputValues : IEquatable<InputValues>
{
    private readonly IReadOnlyDictionary<string, object> _values;

    /// <summary>Values by path; use <see cref="Empty"/> when there are none.</summary>
    public InputValues(IReadOnlyDictionary<string, object> values) => _values = values;

    /// <summary>No extra inputs (the contract declares no field outside the typed model).</summary>
    public static InputValues Empty { get; } = new(new Dictionary<string, object>());

    /// <summary>How many values were given.</summary>
    public int Count => _values.Count;

    /// <summary>The paths given, in no particular order.</summary>
    public IEnumerable<string> Paths => _values.Keys;

    /// <summary>True when the field at <paramref name="path"/> was given.</summary>
    public bool Has(string path) => _values.ContainsKey(path);

    /// <summary>A string or word field, or null when not given.</summary>
    public string? Text(string path) => _values.GetValueOrDefault(path) as string;

    /// <summary>A whole number or number field, or null when not given.</summary>
    public decimal? Number(string path) => _values.GetValueOrDefault(path) is decimal d ? d : null;

    /// <summary>A yes/no field, or null when not given.</summary>
    public bool? Flag(string path) => _values.GetValueOrDefault(path) is bool b ? b : null;

    /// <summary>A date field, or null when not given.</summary>
    public DateOnly? Day(string path) => _values.GetValueOrDefault(path) is DateOnly d ? d : null;

    /// <inheritdoc />
    public bool Equals(InputValues? other) =>
        other is not null && other._values.Count == _values.Count
        && _values.All(kv => other._values.TryGetValue(kv.Key, out var v) && Equals(v, kv.Value));

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as InputValues);

    /// <inheritdoc />
    public override int GetHashCode() => _values.Count;

    /// <inheritdoc />
    public override string ToString() =>
        string.Join(", ", _values.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => kv.Key + "=" + Convert.ToString(kv.Value, CultureInfo.InvariantCulture)));
}
