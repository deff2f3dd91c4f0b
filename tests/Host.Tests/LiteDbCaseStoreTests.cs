using Decisioning.Host.Store;
using Decisioning.Host.Store.LiteDb;

namespace Decisioning.Host.Tests;

/// <summary>The case-store contract on the embedded LiteDB engine, a new file per test.</summary>
[TestClass]
public sealed class LiteDbCaseStoreTests : CaseStoreContract
{
    private readonly string _db = Path.Combine(TestFiles.TempFolder(), "decisioning.db");

    private protected override ICaseStore Open(TimeProvider time) => LiteDbCaseStore.Open(_db, time);
}
