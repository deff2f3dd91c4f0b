namespace Decisioning.Host.Hosting;

/// <summary>Configuration section <c>Store</c>: where the case store keeps its LiteDB file.</summary>
public sealed record StoreOptions
{
    public const string Section = "Store";

    /// <summary>The database file; <c>--db</c> sets it.</summary>
    public string Path { get; init; } = "data/decisioning.db";
}
