namespace Decisioning.Rules.Versions;

/// <summary>The contract words of <see cref="RuleSetVersionState"/>: <c>in-force</c>, <c>staged</c>, <c>superseded</c>.</summary>
public static class RuleSetVersionStates
{
    /// <summary>The word for a state, as the API and the command line write it.</summary>
    public static string Word(RuleSetVersionState state) => state switch
    {
        RuleSetVersionState.InForce => "in-force",
        RuleSetVersionState.Staged => "staged",
        _ => "superseded",
    };
}
