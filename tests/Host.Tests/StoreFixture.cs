using Decisioning.Host.Apis;
using Decisioning.Host.Store;
using Decisioning.Rules;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Decisioning.Host.Tests;

/// <summary>A case store under test with the service's own submission and final-decision logic on top (no HTTP).</summary>
internal sealed class StoreFixture : IDisposable
{
    private static readonly Lazy<RuleSetSnapshot> Rules = new(() => RuleSetLoader.Load(TestFiles.Rules, TestFiles.Templates));

    public StoreFixture(ICaseStore store, FakeTimeProvider time)
    {
        Store = store;
        Time = time;
        Cases = new CaseService(Decisioning.Rules.Versions.RuleSetTimeline.Load(TestFiles.Rules, TestFiles.Templates, time), store, time, NullLogger<CaseService>.Instance);
    }

    public ICaseStore Store { get; }
    public FakeTimeProvider Time { get; }
    public CaseService Cases { get; }
    public static RuleSetSnapshot RuleSet => Rules.Value;

    /// <summary>Submits an application body; returns what the store did.</summary>
    public async Task<SubmitStatus?> SubmitAsync(System.Text.Json.Nodes.JsonNode application) =>
        (await Cases.SubmitAsync(Applications.Bytes(application), "test")).Status;

    /// <summary>Records an approval of the given amount.</summary>
    public async Task<FinalDecisionStatus?> ApproveAsync(string id, decimal grantDkk, string by = "Anna") =>
        (await Cases.RecordFinalAsync(id, new FinalDecisionRequest { Outcome = "approve", GrantDkk = grantDkk, DecidedBy = by, Justification = "test" }, "test"))
            .Result?.Status;

    public void Dispose() => Store.Dispose();
}
