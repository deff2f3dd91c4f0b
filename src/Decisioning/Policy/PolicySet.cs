using Decisioning.Model;

namespace Decisioning.Policy;

/// <summary>A compiled rule set: its identity (version and content hash), its enumerations and its programmes.</summary>
public sealed class PolicySet
{
    public required string Version { get; init; }
    /// <summary><c>sha256:</c> over the sorted paths and bytes of the rule and template files.</summary>
    public required string Hash { get; init; }
    public required EnumerationCatalog Enumerations { get; init; }
    /// <summary>The closed vocabularies of input fields (P1.8), by name: <c>region</c>, <c>sector</c>.</summary>
    public required IReadOnlyDictionary<string, Vocabulary> Vocabularies { get; init; }
    public required IReadOnlyDictionary<string, ProgrammePolicy> Programmes { get; init; }

    /// <summary>The programme with the given id, or null.</summary>
    public ProgrammePolicy? FindProgramme(string id) => Programmes.GetValueOrDefault(id);
}
