using Decisioning.Host.Store;
using Decisioning.Host.Store.Postgres;

namespace Decisioning.Host.Tests;

/// <summary>The whole-store read and impact analysis on PostgreSQL (a throwaway cluster, a new database per test).</summary>
[TestClass]
public sealed class PostgresImpactTests : ImpactStoreContract
{
    private readonly Lazy<string> _database = new(PostgresCluster.NewDatabase);

    private protected override ICaseStore Open(TimeProvider time) => PostgresCaseStore.Open(_database.Value, time);
}
