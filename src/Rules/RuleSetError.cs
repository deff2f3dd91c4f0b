namespace Decisioning.Rules;

/// <summary>One problem with a rule set: the file, the rule (when known), the line (when known) and what is wrong.</summary>
public sealed record RuleSetError(string File, string? Rule, int? Line, string Message)
{
    /// <inheritdoc />
    public override string ToString()
    {
        var where = File + (Line is { } l ? $":{l}" : "");
        return Rule is null ? $"{where}: {Message}" : $"{where}: rule '{Rule}': {Message}";
    }
}
