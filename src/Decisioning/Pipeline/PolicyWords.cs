namespace Decisioning.Pipeline;

/// <summary>The fixed words of the contract and of rule properties that the pipeline reads.</summary>
public static class PolicyWords
{
    public const string Reject = "reject";
    public const string MainRule = "main-rule";
    public const string FailedChecks = "failed-checks";
    public const string Referrals = "referrals";
    public const string BindingLimit = "binding-limit";
    public const string LevelCap = "level-cap";
    public const string LifetimeCap = "lifetime-cap";
    public const string ParticipantCap = "participant-cap";
    public const string Budget = "budget";
}
