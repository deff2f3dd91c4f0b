using Decisioning.Host.Store;
using Decisioning.Host.Store.Postgres;

namespace Decisioning.Host.Tests;

/// <summary>The report cases on PostgreSQL (a new database per case).</summary>
[TestClass]
public sealed class PostgresReportCaseTests : ReportCaseTests
{
    private protected override ICaseStore Open(TimeProvider time) => PostgresCaseStore.Open(PostgresCluster.NewDatabase(), time);
}
