using System.Reflection;
using Decisioning.Host.Store.LiteDb;
using LiteDB;

namespace Decisioning.Host.Tests;

/// <summary>Every LiteDB error code is sorted once: a failure of the file or engine (the store stops) or of one write's data (that write fails alone).</summary>
[TestClass]
public sealed class LiteDbFaultsTests
{
    public static IEnumerable<object[]> Codes =>
        typeof(LiteException).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(int))
            .Select(f => new object[] { f.Name, (int)f.GetRawConstantValue()! });

    [TestMethod]
    [DynamicData(nameof(Codes))]
    public void EveryLiteDbErrorCode_IsEitherTheEnginesOrOneWrites(string name, int code)
    {
        Assert.AreNotEqual(LiteDbFaults.EngineCodes.Contains(code), LiteDbFaults.WriteCodes.Contains(code), $"{name} ({code}) must be in exactly one set");
    }

    [TestMethod]
    public void IoFailures_StopTheStore_ADuplicateKeyOrABadValueFailsOneWrite()
    {
        Assert.IsTrue(LiteDbFaults.IsEngineFault(new IOException("disk full")));
        Assert.IsTrue(LiteDbFaults.IsEngineFault(new ObjectDisposedException("stream")));
        Assert.IsFalse(LiteDbFaults.IsEngineFault(new InvalidOperationException("a bug of one write")));
        Assert.IsFalse(LiteDbFaults.IsEngineFault(new FormatException()));
    }
}
