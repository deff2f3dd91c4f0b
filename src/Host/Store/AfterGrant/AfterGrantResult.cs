namespace Decisioning.Host.Store;

/// <summary>The outcome of a write after the grant: its status, the record stored (new or earlier) and why when refused.</summary>
public sealed record AfterGrantResult<T>(AfterGrantStatus Status, T? Record = null, string? Message = null)
    where T : class;
