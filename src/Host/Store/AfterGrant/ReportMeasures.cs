namespace Decisioning.Host.Store;

/// <summary>
/// Running sums of one programme activity in one month, kept by the store as decisions, releases and follow-ups are
/// written, so the programme report reads a few hundred of these instead of every case. Each measure counts in the
/// month of its own date: a decision in its decision month, a tranche in its release month, a follow-up in the month
/// it was held, and the follow-ups due in the month of their P8.4 date.
/// </summary>
public sealed record ReportMeasures
{
    public long Companies { get; init; }
    public long Rejections { get; init; }
    public decimal GrantsDkk { get; init; }
    public decimal OwnCashDkk { get; init; }
    public decimal ExpectedJobs { get; init; }
    public decimal ExpectedExportDkk { get; init; }
    public long TranchesPaid { get; init; }
    public decimal TranchesPaidDkk { get; init; }
    public long FollowUpsDone { get; init; }
    public long GrowthCompanies { get; init; }
    public decimal ObservedJobs { get; init; }
    public decimal ObservedExportDkk { get; init; }
    /// <summary>Grants whose follow-up falls due in this month (by the P8.4 date).</summary>
    public long FollowUpsDue { get; init; }
    /// <summary>Of those, the ones followed up (whenever).</summary>
    public long FollowUpsDueDone { get; init; }

    /// <summary>The sum of two sets of measures.</summary>
    public ReportMeasures Plus(ReportMeasures o) => new()
    {
        Companies = Companies + o.Companies,
        Rejections = Rejections + o.Rejections,
        GrantsDkk = GrantsDkk + o.GrantsDkk,
        OwnCashDkk = OwnCashDkk + o.OwnCashDkk,
        ExpectedJobs = ExpectedJobs + o.ExpectedJobs,
        ExpectedExportDkk = ExpectedExportDkk + o.ExpectedExportDkk,
        TranchesPaid = TranchesPaid + o.TranchesPaid,
        TranchesPaidDkk = TranchesPaidDkk + o.TranchesPaidDkk,
        FollowUpsDone = FollowUpsDone + o.FollowUpsDone,
        GrowthCompanies = GrowthCompanies + o.GrowthCompanies,
        ObservedJobs = ObservedJobs + o.ObservedJobs,
        ObservedExportDkk = ObservedExportDkk + o.ObservedExportDkk,
        FollowUpsDue = FollowUpsDue + o.FollowUpsDue,
        FollowUpsDueDone = FollowUpsDueDone + o.FollowUpsDueDone,
    };
}
