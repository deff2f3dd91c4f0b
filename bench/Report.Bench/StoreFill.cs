using System.Text.Json.Nodes;
using Decisioning.Host.Apis;
using Decisioning.Host.Store;
using Decisioning.Rules;

namespace Decisioning.Bench.Report;

/// <summary>
/// Fills a store the way the service does (CaseService: decide, store, final decision), 256 cases in flight for group
/// commit, spread over 36 months and five activities; every tenth approval also gets a milestone reached and released,
/// every fifth a follow-up.
/// </summary>
internal static class StoreFill
{
    private static readonly string[] Activities = ["individual-growth", "export-mentor", "competence-special", "market-visit", "germany"];

    public static async Task FillAsync(ICaseStore store, CaseService cases, SettableClock clock, RuleSetSnapshot ruleSet, int count, string template)
    {
        var plan = ruleSet.Policy.Programmes["eksport-2017"].Reporting;
        var perMonth = (count + 35) / 36;
        var done = 0;
        for (var month = 0; month < 36 && done < count; month++)
        {
            clock.Now = new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero).AddMonths(month);
            var batch = Enumerable.Range(done, Math.Min(perMonth, count - done)).ToList();
            await Parallel.ForEachAsync(batch, new ParallelOptions { MaxDegreeOfParallelism = 256 }, async (i, _) =>
            {
                var id = $"B-{i:D7}";
                var a = JsonNode.Parse(template)!.AsObject();
                a["applicationId"] = id;
                a["activity"] = Activities[i % Activities.Length];
                a["submittedOn"] = clock.Now.ToString("yyyy-MM-dd");
                a["company"]!["cvr"] = (10_000_000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture);
                a["priorGrants"] = new JsonArray();
                a["project"]!["plannedStart"] = clock.Now.AddDays(10).ToString("yyyy-MM-dd");
                a["project"]!["plannedEnd"] = clock.Now.AddMonths(6).ToString("yyyy-MM-dd");
                a["project"]!["requestedDkk"] = 20_000;
                var submitted = await cases.SubmitAsync(System.Text.Encoding.UTF8.GetBytes(a.ToJsonString()), "bench");
                if (submitted.Decision is not { } d)
                {
                    return;
                }
                var approve = d.Outcome is "approve" or "approve-reduced" && d.CoFinancing is { GrantDkk: > 0 };
                var request = new FinalDecisionRequest
                {
                    Outcome = approve ? d.Outcome : "reject",
                    GrantDkk = approve ? d.CoFinancing!.GrantDkk : 0,
                    DecidedBy = "Bench",
                    Justification = "bench",
                };
                var final = await cases.RecordFinalAsync(id, request, "bench");
                if (!approve || final.Result?.Status != FinalDecisionStatus.Recorded)
                {
                    return;
                }
                if (i % 10 == 0)
                {
                    await store.RecordMilestoneAsync(id, new MilestoneRequest(1, DateOnly.FromDateTime(clock.Now.UtcDateTime), null, "Carl"));
                    await store.ReleaseTrancheAsync(id, 1, "Dora");
                }
                if (i % 5 == 0)
                {
                    await store.RecordFollowUpAsync(id, new FollowUpRequest
                    {
                        FollowUpOn = DateOnly.FromDateTime(clock.Now.UtcDateTime).AddMonths(8),
                        HeadCount = 25 + i % 7,
                        RevenueDkk = 10_000_000,
                        ExportRevenueDkk = 2_000_000,
                        ExportRevenueBeforeDkk = 1_500_000,
                        Note = null,
                        RecordedBy = "Carl",
                    }, plan);
                }
            });
            done += batch.Count;
        }
    }
}
