namespace Decisioning.Host.Store;

/// <summary>The kinds of write the audit trail records.</summary>
public static class AuditKinds
{
    public const string ApplicationReceived = "application-received";
    public const string Recommendation = "recommendation";
    public const string FinalDecision = "final-decision";
    public const string RuleSetStored = "ruleset-stored";
    public const string RuleSetActivated = "ruleset-activated";
    public const string RuleSetRefused = "ruleset-refused";
}
