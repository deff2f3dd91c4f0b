namespace Decisioning.Host.Store;

/// <summary>The order of a case list: by date received (oldest or newest first) or by recommended amount (largest first).</summary>
public enum CaseSort
{
    Newest,
    Oldest,
    Amount,
}
