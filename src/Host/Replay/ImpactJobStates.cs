namespace Decisioning.Host.Replay;

/// <summary>The words for an impact job's state, as the API writes them.</summary>
public static class ImpactJobStates
{
    public const string Running = "running";
    public const string Done = "done";
    public const string Cancelled = "cancelled";
    public const string Failed = "failed";
}
