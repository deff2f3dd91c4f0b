namespace Decisioning.Policy;

/// <summary>Where a compiled rule came from: its clause, its name and its file, for reasons and error messages.</summary>
public sealed record RuleRef(string Clause, string RuleName, string File)
{
    /// <inheritdoc />
    public override string ToString() => $"{File}: rule '{RuleName}' ({Clause})";
}
