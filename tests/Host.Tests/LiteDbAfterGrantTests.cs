using Decisioning.Host.Store;
using Decisioning.Host.Store.LiteDb;

namespace Decisioning.Host.Tests;

/// <summary>The after-the-grant contract on the embedded LiteDB engine, a new file per test.</summary>
[TestClass]
public sealed class LiteDbAfterGrantTests : AfterGrantStoreContract
{
    private readonly string _db = Path.Combine(TestFiles.TempFolder(), "decisioning.db");

    private protected override ICaseStore Open(TimeProvider time) => LiteDbCaseStore.Open(_db, time);
}
