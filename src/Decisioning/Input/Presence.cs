namespace Decisioning.Input;

/// <summary>When a field of the input contract must be given.</summary>
public enum Presence
{
    /// <summary>Always; absent or <c>null</c> is an error.</summary>
    Required,
    /// <summary>May be absent or <c>null</c>.</summary>
    Optional,
    /// <summary>Required for a decision; an eligibility check does not read it at all (the contract says it is ignored).</summary>
    ForDecision,
    /// <summary>Required for a decision; optional for an eligibility check.</summary>
    RequiredForDecision,
}
