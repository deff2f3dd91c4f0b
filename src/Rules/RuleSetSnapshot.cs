using Decisioning.Policy;
using Decisioning.Rules.Letters;

namespace Decisioning.Rules;

/// <summary>
/// One immutable, validated rule set: its files, content hash, version, the compiled policy and the RulesEngine
/// instance built from its workflows and the compiled letter templates. A reload builds a new snapshot and swaps one reference.
/// </summary>
public sealed class RuleSetSnapshot
{
    public required RuleSetSource Source { get; init; }
    public required PolicySet Policy { get; init; }
    /// <summary>The RulesEngine instance over the snapshot's workflows (one per snapshot, never mutated).</summary>
    public required RulesEngine.RulesEngine Engine { get; init; }
    /// <summary>The letter templates, compiled once with the rule set (empty when the rule set has no <c>templates/</c>).</summary>
    public required LetterTemplateSet Letters { get; init; }
    public required DateTimeOffset LoadedAt { get; init; }
    /// <summary>When the rule set takes effect, from <c>rules/ruleset.json</c>.</summary>
    public required string? EffectiveFrom { get; init; }

    public string Version => Policy.Version;
    public string Hash => Policy.Hash;
}
