namespace Decisioning.Rules;

/// <summary>One file of a rule set: its path relative to the rule-set root (<c>rules/…</c> or <c>templates/…</c>) and its bytes.</summary>
public sealed record RuleSetFile(string Path, byte[] Content)
{
    /// <summary>The content as UTF-8 text.</summary>
    public string Text => System.Text.Encoding.UTF8.GetString(Content);
}
