namespace Decisioning.Model;

/// <summary>The enumeration scales of a rule set, by name; input parsing and rules both use it.</summary>
public sealed class EnumerationCatalog
{
    private readonly Dictionary<string, EnumerationScale> _scales;

    /// <summary>Creates a catalog of scales.</summary>
    public EnumerationCatalog(IEnumerable<EnumerationScale> scales)
    {
        _scales = scales.ToDictionary(s => s.Name, StringComparer.Ordinal);
    }

    /// <summary>All scales.</summary>
    public IEnumerable<EnumerationScale> Scales => _scales.Values;

    /// <summary>The scale with the given name, or null.</summary>
    public EnumerationScale? Find(string name) => _scales.GetValueOrDefault(name);
}
