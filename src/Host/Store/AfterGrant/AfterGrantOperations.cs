using System.Text.Json;
using Decisioning.Input;
using Decisioning.Policy;
using Decisioning.Rules;

namespace Decisioning.Host.Store;

/// <summary>
/// The writes after the grant, inside one transaction of whichever engine runs them (one writer, and on PostgreSQL the
/// head-row lock, orders them): the grant facts and report sums at a final decision, a milestone reached, a tranche
/// released (P4.9: never more than the grant), the follow-up (P8.4) with its indicators (P9).
/// </summary>
internal static class AfterGrantOperations
{
    /// <summary>At a final decision: an approval gets its grant facts and tranche plan; every decision counts in its month's sums.</summary>
    public static void Decided(IStoreTransaction tx, FinalDecisionRecord record, StoredApplication application, RecommendationRecord recommendation, RuleSetSnapshot ruleSet)
    {
        var decidedOn = DateOnly.FromDateTime(record.DecidedAt.UtcDateTime);
        var programme = recommendation.Decision.Programme;
        var activity = recommendation.Decision.Activity;
        if (!FinalOutcomes.Grants(record.Outcome))
        {
            AddTo(tx, programme, activity, decidedOn, new ReportMeasures { Rejections = 1 });
            return;
        }
        var input = ApplicationReader.Read(application.Body, ruleSet.Policy);
        if (!input.IsValid)
        {
            return; // an approval is only recorded for an application the rule set reads (FinalDecisionOperation)
        }
        var a = input.Value!;
        var plan = ruleSet.Policy.Programmes.TryGetValue(programme, out var p) ? p.Reporting : ReportingPlan.None;
        var history = a.Company.EmployeeHistory.ToDictionary(e => e.Year, e => e.Employees);
        history[a.SubmittedOn.Year] = a.Company.Employees;
        var expectedJobs = plan.SupportDkkPerJob is > 0 ? Math.Round(record.GrantDkk / plan.SupportDkkPerJob.Value, 2) : (decimal?)null;
        var expectedExport = plan.SupportDkkPerJob is > 0 && plan.ExportDkkPerJob is { } perJob
            ? decimal.Floor(record.GrantDkk * perJob / plan.SupportDkkPerJob.Value) : (decimal?)null;
        var facts = new GrantFacts
        {
            ApplicationId = record.ApplicationId,
            Programme = programme,
            Activity = activity,
            Cvr = a.Company.Cvr,
            CompanyName = a.Company.Name,
            DecidedOn = decidedOn,
            GrantDkk = record.GrantDkk,
            OwnCashDkk = a.Project?.OwnCashDkk ?? 0,
            EmployeesAtApplication = a.Company.Employees,
            HeadCountByYear = history,
            ExpectedJobs = expectedJobs,
            ExpectedExportDkk = expectedExport,
            FollowUpDue = recommendation.Decision.FollowUpDue,
            Tranches = TranchePlan.For(record.GrantDkk, Milestones(application.Body, a), plan.FinalShareReserved),
        };
        Save(tx, facts);
        AddTo(tx, programme, activity, decidedOn, new ReportMeasures
        {
            Companies = 1,
            GrantsDkk = record.GrantDkk,
            OwnCashDkk = facts.OwnCashDkk,
            ExpectedJobs = expectedJobs ?? 0,
            ExpectedExportDkk = expectedExport ?? 0,
        });
        if (facts.FollowUpDue is { } due)
        {
            AddTo(tx, programme, activity, due, new ReportMeasures { FollowUpsDue = 1 }, byDay: true);
        }
    }

    public static AfterGrantResult<MilestoneRecord> RecordMilestone(IStoreTransaction tx, string applicationId, MilestoneRequest request)
    {
        if (Facts(tx, applicationId, out var refusal) is not { } facts)
        {
            return new(refusal);
        }
        if (facts.Tranches.FirstOrDefault(t => t.Milestone == request.Milestone) is not { } tranche || tranche.AfterFollowUp)
        {
            return new(AfterGrantStatus.UnknownMilestone, null, UnknownMilestone(facts, request.Milestone));
        }
        var key = AfterGrantKeys.Milestone(applicationId, request.Milestone);
        if (AfterGrantJson.Read<MilestoneRecord>(tx.FindAfterGrant(key)) is { } existing)
        {
            var same = existing.ReachedOn == request.ReachedOn && existing.Note == request.Note;
            return new(same ? AfterGrantStatus.AlreadyRecorded : AfterGrantStatus.Conflicting, existing);
        }
        var record = new MilestoneRecord
        {
            ApplicationId = applicationId,
            Milestone = request.Milestone,
            Name = tranche.Name,
            ReachedOn = request.ReachedOn,
            Note = request.Note,
            RecordedBy = request.RecordedBy,
            RecordedAt = tx.Now,
            TrancheDkk = tranche.TrancheDkk,
        };
        tx.InsertAfterGrant(key, AfterGrantKeys.MilestoneReached, AfterGrantJson.Write(record));
        return new(AfterGrantStatus.Recorded, record);
    }

    public static AfterGrantResult<TrancheRelease> Release(IStoreTransaction tx, string applicationId, int milestone, string releasedBy)
    {
        if (Facts(tx, applicationId, out var refusal) is not { } facts)
        {
            return new(refusal);
        }
        if (facts.Tranches.FirstOrDefault(t => t.Milestone == milestone) is not { } tranche)
        {
            return new(AfterGrantStatus.UnknownMilestone, null, UnknownMilestone(facts, milestone));
        }
        var key = AfterGrantKeys.Release(applicationId, milestone);
        if (AfterGrantJson.Read<TrancheRelease>(tx.FindAfterGrant(key)) is { } existing)
        {
            return new(AfterGrantStatus.AlreadyRecorded, existing);
        }
        if (tranche.AfterFollowUp)
        {
            if (facts.FollowUpOn is null)
            {
                return new(AfterGrantStatus.NotReached, null, $"The final share of {applicationId} is released after the follow-up (P4.9), which is not recorded.");
            }
        }
        else if (AfterGrantJson.Read<MilestoneRecord>(tx.FindAfterGrant(AfterGrantKeys.Milestone(applicationId, milestone))) is not { } reached)
        {
            return new(AfterGrantStatus.NotReached, null, $"Milestone {milestone} ('{tranche.Name}') of {applicationId} is not recorded as reached; a consultant records it first (P4.9).");
        }
        else if (reached.RecordedBy == releasedBy)
        {
            return new(AfterGrantStatus.SamePerson, null, $"{releasedBy} recorded milestone {milestone} as reached; another person releases its tranche.");
        }
        if (facts.PaidDkk + tranche.TrancheDkk > facts.GrantDkk)
        {
            return new(AfterGrantStatus.ExceedsGrant, null, $"Releasing {tranche.TrancheDkk} DKK would pay more than the grant of {facts.GrantDkk} DKK ({facts.PaidDkk} DKK paid).");
        }
        var release = new TrancheRelease
        {
            ApplicationId = applicationId,
            Milestone = milestone,
            Name = tranche.Name,
            TrancheDkk = tranche.TrancheDkk,
            ReleasedBy = releasedBy,
            ReleasedAt = tx.Now,
            PaidDkk = facts.PaidDkk + tranche.TrancheDkk,
            GrantDkk = facts.GrantDkk,
        };
        tx.InsertAfterGrant(key, AfterGrantKeys.TrancheReleased, AfterGrantJson.Write(release));
        Save(tx, facts with { PaidDkk = release.PaidDkk });
        AddTo(tx, facts.Programme, facts.Activity, DateOnly.FromDateTime(tx.Now.UtcDateTime),
            new ReportMeasures { TranchesPaid = 1, TranchesPaidDkk = tranche.TrancheDkk });
        return new(AfterGrantStatus.Recorded, release);
    }

    public static AfterGrantResult<FollowUpRecord> RecordFollowUp(IStoreTransaction tx, string applicationId, FollowUpRequest request, ReportingPlan plan)
    {
        if (Facts(tx, applicationId, out var refusal, needsTranches: false) is not { } facts)
        {
            return new(refusal);
        }
        var key = AfterGrantKeys.FollowUp(applicationId);
        if (AfterGrantJson.Read<FollowUpRecord>(tx.FindAfterGrant(key)) is { } existing)
        {
            var same = existing.FollowUpOn == request.FollowUpOn && existing.HeadCount == request.HeadCount && existing.RevenueDkk == request.RevenueDkk
                && existing.ExportRevenueDkk == request.ExportRevenueDkk && existing.ExportRevenueBeforeDkk == request.ExportRevenueBeforeDkk && existing.Note == request.Note;
            return new(same ? AfterGrantStatus.AlreadyRecorded : AfterGrantStatus.Conflicting, existing);
        }
        var indicators = FollowUpIndicatorsOf(facts, request, plan);
        var record = new FollowUpRecord
        {
            ApplicationId = applicationId,
            FollowUpOn = request.FollowUpOn,
            HeadCount = request.HeadCount,
            RevenueDkk = request.RevenueDkk,
            ExportRevenueDkk = request.ExportRevenueDkk,
            ExportRevenueBeforeDkk = request.ExportRevenueBeforeDkk,
            Note = request.Note,
            RecordedBy = request.RecordedBy,
            RecordedAt = tx.Now,
            Due = facts.FollowUpDue,
            Late = facts.FollowUpDue is { } due && request.FollowUpOn > due,
            Indicators = indicators,
        };
        tx.InsertAfterGrant(key, AfterGrantKeys.FollowUpRecorded, AfterGrantJson.Write(record));
        Save(tx, facts with { FollowUpOn = request.FollowUpOn });
        AddTo(tx, facts.Programme, facts.Activity, request.FollowUpOn, new ReportMeasures
        {
            FollowUpsDone = 1,
            GrowthCompanies = indicators.GrowthCompany == true ? 1 : 0,
            ObservedJobs = indicators.ObservedJobs,
            ObservedExportDkk = indicators.ObservedExportDkk,
        });
        if (facts.FollowUpDue is { } dueOn)
        {
            AddTo(tx, facts.Programme, facts.Activity, dueOn, new ReportMeasures { FollowUpsDueDone = 1 }, byDay: true);
        }
        return new(AfterGrantStatus.Recorded, record);
    }

    /// <summary>P9.1 at follow-up (head count of the follow-up year against that of the start of the period) and P9.2 observed against expected.</summary>
    public static FollowUpIndicators FollowUpIndicatorsOf(GrantFacts facts, FollowUpRequest request, ReportingPlan plan)
    {
        bool? growth = null;
        if (plan.Defined && facts.HeadCountByYear.TryGetValue(request.FollowUpOn.Year - plan.GrowthCompanyYears, out var e0))
        {
            growth = e0 >= plan.GrowthCompanyMinEmployees && request.HeadCount >= plan.GrowthCompanyFactor * e0;
        }
        return new FollowUpIndicators
        {
            GrowthCompany = growth,
            ExpectedJobs = facts.ExpectedJobs,
            ObservedJobs = request.HeadCount - facts.EmployeesAtApplication,
            ExpectedExportDkk = facts.ExpectedExportDkk,
            ObservedExportDkk = request.ExportRevenueDkk - request.ExportRevenueBeforeDkk,
        };
    }

    private static GrantFacts? Facts(IStoreTransaction tx, string applicationId, out AfterGrantStatus refusal, bool needsTranches = true)
    {
        refusal = AfterGrantStatus.NoGrant;
        if (tx.FindApplication(applicationId) is null)
        {
            refusal = AfterGrantStatus.UnknownApplication;
            return null;
        }
        var facts = AfterGrantJson.Read<GrantFacts>(tx.FindGrantFacts(applicationId));
        return facts is null || (needsTranches && facts.Tranches.Count == 0) ? null : facts;
    }

    private static string UnknownMilestone(GrantFacts facts, int milestone) =>
        $"{facts.ApplicationId} has no milestone {milestone} to record; its tranches are "
        + string.Join(", ", facts.Tranches.Select(t => $"{t.Milestone} '{t.Name}'{(t.AfterFollowUp ? " (after the follow-up)" : "")}")) + ".";

    private static void Save(IStoreTransaction tx, GrantFacts facts) =>
        tx.SaveGrantFacts(facts.ApplicationId, facts.FollowUpOn is null ? facts.FollowUpDue?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : null,
            AfterGrantJson.Write(facts));

    /// <summary>Adds to the month's sums; follow-ups due also to the day's (the report counts the as-of month's overdue by day).</summary>
    private static void AddTo(IStoreTransaction tx, string programme, string activity, DateOnly day, ReportMeasures delta, bool byDay = false)
    {
        var key = ReportBucket.KeyOf(programme, activity, day);
        var bucket = AfterGrantJson.Read<ReportBucket>(tx.FindReportBucket(key)) ?? new ReportBucket(programme, activity, ReportBucket.MonthOf(day), new ReportMeasures());
        tx.SaveReportBucket(key, AfterGrantJson.Write(bucket with { Measures = bucket.Measures.Plus(delta) }));
        if (byDay)
        {
            var dayKey = ReportBucket.DayKeyOf(programme, activity, day);
            var dayBucket = AfterGrantJson.Read<ReportBucket>(tx.FindDueDay(dayKey)) ?? new ReportBucket(programme, activity, ReportBucket.Day(day), new ReportMeasures());
            tx.SaveDueDay(dayKey, AfterGrantJson.Write(dayBucket with { Measures = dayBucket.Measures.Plus(delta) }));
        }
    }

    /// <summary>The application's milestones with <c>project.milestones[i].amountDkk</c> where it gives a number.</summary>
    private static List<(string Name, DateOnly? Due, decimal? AmountDkk)> Milestones(byte[] body, Decisioning.Model.Application a)
    {
        var amounts = new List<decimal?>();
        try
        {
            using var json = JsonDocument.Parse(body);
            if (json.RootElement.TryGetProperty("project", out var project) && project.ValueKind == JsonValueKind.Object
                && project.TryGetProperty("milestones", out var ms) && ms.ValueKind == JsonValueKind.Array)
            {
                amounts.AddRange(ms.EnumerateArray().Select(m => m.ValueKind == JsonValueKind.Object && m.TryGetProperty("amountDkk", out var v)
                    && v.ValueKind == JsonValueKind.Number && v.TryGetDecimal(out var d) && d > 0 ? decimal.Floor(d) : (decimal?)null));
            }
        }
        catch (JsonException)
        {
            // the reader accepted the body, so it is JSON
        }
        var milestones = a.Project?.Milestones ?? [];
        return milestones.Select((m, i) => (m.Name, (DateOnly?)m.Due, i < amounts.Count ? amounts[i] : null)).ToList();
    }
}
