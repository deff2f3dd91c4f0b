namespace Decisioning.Host.Store;

/// <summary>What a write after the grant came to.</summary>
public enum AfterGrantStatus
{
    Recorded,
    /// <summary>The same was recorded before: the stored record is the answer.</summary>
    AlreadyRecorded,
    /// <summary>Something else was recorded before: the stored record stands.</summary>
    Conflicting,
    UnknownApplication,
    /// <summary>No approved grant with an amount: no final decision yet, a rejection, or a free activity.</summary>
    NoGrant,
    UnknownMilestone,
    /// <summary>The tranche cannot be released yet: its milestone (or the follow-up) is not recorded.</summary>
    NotReached,
    /// <summary>The person who recorded the milestone cannot release its tranche (two steps, two people).</summary>
    SamePerson,
    /// <summary>Releasing it would pay more than the grant (never happens with a consistent plan; checked anyway).</summary>
    ExceedsGrant,
}
