namespace Decisioning.Host.Store;

/// <summary>The case list's status filter: awaiting a final decision, decided, or all.</summary>
public enum CaseStatusFilter
{
    All,
    Awaiting,
    Decided,
}
