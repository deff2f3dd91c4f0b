using Decisioning.Host.Store;
using Decisioning.Host.Store.LiteDb;

namespace Decisioning.Host.Tests;

/// <summary>The report cases on the embedded LiteDB engine.</summary>
[TestClass]
public sealed class LiteDbReportCaseTests : ReportCaseTests
{
    private protected override ICaseStore Open(TimeProvider time) => LiteDbCaseStore.Open(Path.Combine(TestFiles.TempFolder(), "decisioning.db"), time);
}
