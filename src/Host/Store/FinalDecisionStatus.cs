namespace Decisioning.Host.Store;

/// <summary>What recording a final decision did.</summary>
public enum FinalDecisionStatus
{
    Recorded,
    /// <summary>The same final decision was recorded before.</summary>
    AlreadyRecorded,
    /// <summary>Another final decision was recorded before; decisions are never changed.</summary>
    ConflictingDecision,
    UnknownApplication,
    /// <summary>The grant no longer fits a cap, the start-package rule or the activity budget.</summary>
    LimitExceeded,
    /// <summary>The application cannot be read under the active rule set, so its limits cannot be checked.</summary>
    NotCheckable,
}
