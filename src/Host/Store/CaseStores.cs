using Decisioning.Host.Hosting;
using Decisioning.Host.Store.LiteDb;
using Microsoft.Extensions.Logging;

namespace Decisioning.Host.Store;

/// <summary>Opens the case store that configuration or a command line names.</summary>
public static class CaseStores
{
    /// <summary>The store of the <c>Store</c> section; throws <see cref="StoreOpenException"/> with a sentence an operator can act on.</summary>
    public static ICaseStore Open(StoreOptions options, TimeProvider? time = null, ILogger? logger = null) =>
        options.Provider.ToLowerInvariant() switch
        {
            "litedb" => LiteDbCaseStore.Open(options.Path, time, logger, key: Key(options, LiteDbCaseStore.Beside(options.Path, ".audit-key"))),
            "postgres" or "postgresql" => Postgres.PostgresCaseStore.Open(
                options.ConnectionString ?? throw new StoreOpenException("Store:Provider is postgres but Store:ConnectionString is not set."),
                time, logger, Key(options, Postgres.PostgresCaseStore.DefaultKeyFile), options.AuditKeyFile ?? Postgres.PostgresCaseStore.DefaultKeyFile),
            _ => throw new StoreOpenException($"Store:Provider '{options.Provider}' is not known: use litedb or postgres."),
        };

    /// <summary>The audit key settings a command line takes from the environment (<c>Store__AuditKey</c>, <c>Store__AuditKeyFile</c>).</summary>
    private static StoreOptions FromEnvironment() => new()
    {
        AuditKey = Environment.GetEnvironmentVariable("Store__AuditKey"),
        AuditKeyFile = Environment.GetEnvironmentVariable("Store__AuditKeyFile") is { Length: > 0 } file ? file : null,
    };

    private static AuditKey Key(StoreOptions options, string defaultFile) => AuditKey.Load(options.AuditKey, options.AuditKeyFile ?? defaultFile);

    /// <summary>
    /// The store a command-line address names: <c>litedb:FILE</c>, <c>postgres:CONNECTION-STRING</c>, or a plain file
    /// (LiteDB). A LiteDB file must exist unless <paramref name="create"/>.
    /// </summary>
    public static ICaseStore OpenAddress(string address, bool create = false, TimeProvider? time = null, ILogger? logger = null)
    {
        if (address.StartsWith("postgres:", StringComparison.Ordinal))
        {
            return Open(FromEnvironment() with { Provider = "postgres", ConnectionString = address["postgres:".Length..] }, time, logger);
        }
        var file = address.StartsWith("litedb:", StringComparison.Ordinal) ? address["litedb:".Length..] : address;
        if (!create && !File.Exists(file))
        {
            throw new StoreOpenException($"There is no database at {System.IO.Path.GetFullPath(file)}.");
        }
        return Open(FromEnvironment() with { Path = file }, time, logger);
    }
}
