namespace Decisioning.Rules.Versions;

/// <summary>Where a rule-set version stands on a given day (P10.2).</summary>
public enum RuleSetVersionState
{
    /// <summary>A later version has taken effect; this one still decides applications submitted in its period.</summary>
    Superseded,

    /// <summary>The version that decides applications submitted today.</summary>
    InForce,

    /// <summary>Takes effect on a later date; applications submitted before then are decided by the version in force.</summary>
    Staged,
}
