namespace Decisioning.Host.Hosting;

/// <summary>
/// Configuration section <c>Store</c>: which engine keeps the cases (<c>litedb</c>, the default, in one file; or
/// <c>postgres</c>, one database that several <c>serve</c> processes share) and where.
/// </summary>
public sealed record StoreOptions
{
    public const string Section = "Store";

    /// <summary><c>litedb</c> (default) or <c>postgres</c>.</summary>
    public string Provider { get; init; } = "litedb";

    /// <summary>The LiteDB database file; <c>--db</c> sets it.</summary>
    public string Path { get; init; } = "data/decisioning.db";

    /// <summary>The PostgreSQL connection string (Npgsql keywords: <c>Host=...;Database=...;Username=...</c>).</summary>
    public string? ConnectionString { get; init; }

    /// <summary>The audit chain's key (base64, at least 16 bytes); when unset, the key file is used.</summary>
    public string? AuditKey { get; init; }

    /// <summary>
    /// The audit key file, created with a new random key at first start: by default <c>NAME.audit-key</c> beside the
    /// LiteDB file, or <c>data/decisioning-postgres.audit-key</c> for PostgreSQL (every host of one database needs the
    /// same key). The signed audit head is kept beside it.
    /// </summary>
    public string? AuditKeyFile { get; init; }

    /// <summary>How often a host asks the store whether another host activated a rule set.</summary>
    public int ActivationPollMilliseconds { get; init; } = 2000;
}
