using System.Globalization;
using Decisioning.Model;
using Decisioning.Output;
using Decisioning.Pipeline;

namespace Decisioning.Bench;

/// <summary>
/// The benchmark baseline: policy.md for programme <c>eksport-2017</c> written straight in C#, every number hard-coded
/// (allowed here and only here; the service reads them from <c>rules/</c>). It builds the same <see cref="Decision"/>
/// as <see cref="DecisionPipeline.Decide"/> with the empty ledger, messages and all, so the two do equal work; the
/// benchmark setup and <c>verify</c> check that the JSON of both is identical.
/// </summary>
public static class HandWrittenPolicy
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    private sealed record ActivityRow(string Id, decimal Share, bool Collective, bool Free, bool OpenToAll, bool YoungExempt, bool InitialNetwork, decimal BudgetDkk, int? PlannedCompanies);

    // P6 activity table, with the companies a collective activity is planned for (P6.6).
    private static readonly ActivityRow Basecamp = new("basecamp", 1.0m, true, true, true, false, false, 500_000m, null);
    private static readonly ActivityRow CompetenceSpecial = new("competence-special", 0.5m, true, false, false, false, false, 4_800_000m, 30);
    private static readonly ActivityRow IndividualGrowth = new("individual-growth", 0.5m, false, false, false, false, false, 17_900_000m, null);
    private static readonly ActivityRow ExportMentor = new("export-mentor", 0.5m, false, false, false, false, false, 2_400_000m, null);
    private static readonly ActivityRow MarketVisit = new("market-visit", 0.33m, true, false, false, false, false, 1_800_000m, 50);
    private static readonly ActivityRow Germany = new("germany", 0.5m, true, false, false, false, false, 1_500_000m, 30);

    private static ActivityRow Activity(string id) => id switch
    {
        "basecamp" => Basecamp,
        "competence-special" => CompetenceSpecial,
        "individual-growth" => IndividualGrowth,
        "export-mentor" => ExportMentor,
        "market-visit" => MarketVisit,
        "germany" => Germany,
        _ => throw new ArgumentException($"Unknown activity '{id}'."),
    };

    /// <summary>Decides an application of <c>eksport-2017</c> with no ledger grants.</summary>
    public static Decision Decide(Application a, string ruleSetVersion, string ruleSetHash)
    {
        var act = Activity(a.Activity);
        var p = a.Project ?? throw new ArgumentException("A decision needs the project block.", nameof(a));
        var ageYears = AgeCalculator.CompletedYears(a.Company.FoundedOn, a.SubmittedOn);
        var young = ageYears < 3; // P4.4
        var ageBand = young ? "young" : "established";
        var coFinanced = !act.Free;
        var hasJustification = !string.IsNullOrWhiteSpace(a.ExceptionJustification);

        // P3 scorecard, nested (P3.4).
        decimal sA = 0m, sB = 0m, sC = 0m;
        if (a.Assessment is { } s)
        {
            var g = s.GrowthAmbition;
            var each = g.RevenueGrowth >= 0.10m && g.EmploymentGrowth >= 0.10m && g.ExportGrowth >= 0.10m;
            Criterion(0.4m, each && g.HorizonYears <= 2, each && g.HorizonYears <= 5, each, ref sA, ref sB, ref sC);
            var sc = s.Scalability;
            Criterion(0.1m, sc.BusinessPlan.Rank >= 3 && sc.ValueAddedGrowth >= 0.10m, sc.BusinessPlan.Rank >= 2, sc.BusinessPlan.Rank >= 1, ref sA, ref sB, ref sC);
            var o = s.Organisation;
            Criterion(0.1m,
                o.Management.Rank >= 2 && o.Board.Rank >= 2 && o.ExternalKnowledge.Rank >= 2,
                o.Management.Rank >= 2 && o.Board.Rank >= 2 && o.ExternalKnowledge.Rank >= 1,
                o.Management.Rank >= 1 && o.Board.Rank >= 1 && o.ExternalKnowledge.Rank >= 1,
                ref sA, ref sB, ref sC);
            var m = s.Market;
            Criterion(0.1m,
                m.PotentialTested && (ageYears < 3 || m.ExportShare >= 0.25m),
                m.SalesMostlyOutsideRegion && m.ExportExperience.Rank >= 1 && m.ExportAmbition,
                m.SalesChannelsClarified && m.ExportAmbition,
                ref sA, ref sB, ref sC);
            var fi = s.Finance;
            Criterion(0.1m, fi.RiskCapital.Rank >= 1,
                fi.EquityPositive && fi.Profitable && fi.CapitalNeedsOverview && fi.FundingAccess,
                fi.EquityPositive && fi.Profitable,
                ref sA, ref sB, ref sC);
            Criterion(0.1m, s.Technology.Rank >= 3, s.Technology.Rank >= 2, s.Technology.Rank >= 1, ref sA, ref sB, ref sC);
            Criterion(0.1m, s.RoleModel.Rank >= 2, s.RoleModel.Rank >= 1, true, ref sA, ref sB, ref sC);
        }
        string? level = sA >= 0.70m ? "A" : sB >= 0.70m ? "B" : sC >= 0.70m ? "C" : null; // P3.2, P3.3
        var scores = new Dictionary<string, decimal>(3) { ["A"] = sA, ["B"] = sB, ["C"] = sC };

        // P5.1 / P5.2 self-funding.
        var selfFundingRequired = 0m;
        if (coFinanced)
        {
            selfFundingRequired = a.Company.Sector == "food" || act.InitialNetwork || (young && act.YoungExempt) ? 0m : Math.Ceiling(0.5m * p.TotalCostDkk);
        }

        // P9.1 growth company.
        bool? growthCompany = null;
        if (HeadCount(a.Company.EmployeeHistory, 3) is { } e0)
        {
            growthCompany = e0 >= 5 && 1.0m * HeadCount(a.Company.EmployeeHistory, 0)!.Value >= 1.728m * e0;
        }

        // P1, P2, P4, P5, P6 checks, in clause order.
        var checks = new List<CheckResult>(12);
        var failedReject = 0;
        var failedMain = 0;
        var c = a.Company;
        bool ok;
        ok = c.Region == "Midtjylland";
        Check(checks, ref failedReject, "P1.1", ok, ok
            ? "The company is located in Region Midtjylland."
            : $"The company is located in {c.Region}, not in Region Midtjylland.");
        ok = c.Employees < 250;
        Check(checks, ref failedReject, "P1.2", ok, ok
            ? string.Create(Inv, $"The company has {c.Employees} employees, fewer than 250: an SME.")
            : string.Create(Inv, $"The company has {c.Employees} employees; an SME has fewer than 250."));
        if (!act.OpenToAll) // P1.7: basecamps are open to all
        {
            ok = ageYears >= 3;
            Check(checks, ref failedMain, "P1.3", ok, ok
                ? string.Create(Inv, $"The company was founded on {c.FoundedOn:yyyy-MM-dd}, {ageYears} years before the application: at least 3.")
                : string.Create(Inv, $"The company was founded on {c.FoundedOn:yyyy-MM-dd}, {ageYears} completed years before the application; the main rule asks for at least 3."));
            ok = c.Employees >= 5;
            Check(checks, ref failedMain, "P1.4", ok, ok
                ? string.Create(Inv, $"The company has {c.Employees} employees: at least 5.")
                : string.Create(Inv, $"The company has {c.Employees} employees; the main rule asks for at least 5."));
            ok = a.Assessment is { Market.ExportAmbition: true };
            Check(checks, ref failedReject, "P1.5", ok, ok
                ? "The company has an export ambition."
                : "The assessment shows no export ambition.");
            ok = a.GrowthMappingDone;
            Check(checks, ref failedReject, "P2.1", ok, ok
                ? "The growth mapping is done."
                : "The growth mapping (vækstkortlægning) has not been done; it is needed before the activity.");
        }
        if (coFinanced)
        {
            ok = level is not null;
            Check(checks, ref failedReject, "P4.1", ok, ok
                ? $"The company meets growth level {level}."
                : "The company meets no growth level: no score reaches the pass mark, so there is no co-financing.");
            ok = p.Milestones.Count >= 1;
            Check(checks, ref failedReject, "P4.2", ok, ok
                ? string.Create(Inv, $"The growth plan has {p.Milestones.Count} milestone(s).")
                : "The growth plan has no milestones.");
            ok = a.Additionality && p.PlannedStart >= a.SubmittedOn; // P4.3 reading: a project already under way is not additional
            Check(checks, ref failedReject, "P4.3", ok, ok
                ? "The consultant has assessed the co-financing as decisive for the project."
                : a.Additionality
                    ? string.Create(Inv, $"The project starts on {p.PlannedStart:yyyy-MM-dd}, before the application of {a.SubmittedOn:yyyy-MM-dd}: it is already under way, so the co-financing cannot be decisive (additionality).")
                    : "It is not documented that the co-financing is decisive for the project (additionality).");
        }
        if (coFinanced && p.StartPackage) // P4.6: co-financed activities only
        {
            var startPackages = 0;
            foreach (var g in a.PriorGrants)
            {
                startPackages += g.StartPackage && !Activity(g.Activity).Free ? 1 : 0;
            }
            ok = startPackages < 1;
            Check(checks, ref failedReject, "P4.6", ok, ok
                ? "This is the company's first start package."
                : string.Create(Inv, $"The company has already been granted a start package ({startPackages})."));
        }
        var selfFundingOk = p.OwnCashDkk >= selfFundingRequired;
        if (coFinanced)
        {
            Check(checks, ref failedReject, "P5.1", selfFundingOk, selfFundingOk
                ? string.Create(Inv, $"Own cash {N(p.OwnCashDkk)} DKK covers the required self-funding of {N(selfFundingRequired)} DKK.")
                : string.Create(Inv, $"Own cash {N(p.OwnCashDkk)} DKK is less than the required self-funding of {N(selfFundingRequired)} DKK (half of the total cost {N(p.TotalCostDkk)} DKK)."));
        }
        var experience = a.Assessment?.Market.ExportExperience;
        switch (act.Id)
        {
            case "competence-special":
                ok = experience is { Rank: >= 1 } && level is "A" or "B";
                Check(checks, ref failedReject, "P6.1", ok, ok
                    ? $"The company has export experience ({experience!.Word}) and level {level}."
                    : "The programme is for companies with export experience at level A or B.");
                break;
            case "export-mentor":
                ok = experience is { Rank: < 2 };
                Check(checks, ref failedReject, "P6.2", ok, ok
                    ? $"The company's export experience ({experience!.Word}) is none or beginning."
                    : "The export mentor programme is for companies with no or beginning export experience.");
                break;
            case "market-visit":
                ok = experience is { Rank: >= 1 };
                Check(checks, ref failedReject, "P6.3", ok, ok
                    ? $"The company has export experience ({experience!.Word})."
                    : "The programme with a market visit is for companies with export experience.");
                break;
            case "germany":
                ok = experience is { Rank: >= 1 };
                Check(checks, ref failedReject, "P6.4", ok, ok
                    ? $"The company has export experience ({experience!.Word})."
                    : "The focused effort on Germany is for companies with export experience.");
                break;
        }

        // P1.7 primary sector.
        var primary = c.Sector == "primary";

        // P4.4, P4.5, P7 amounts.
        var amountsComputed = false;
        decimal? levelCap = null, lifetimeCap = null, requestedLeft = null, levelCapLeft = null, lifetimeCapLeft = null, participantLeft = null;
        decimal participantCap = 0m, participantUsed = 0m;
        decimal levelCapUsed = 0m, lifetimeCapUsed = 0m, eligible = 0m, grant = 0m, budgetLeft = 0m;
        string? binding = null;
        if (coFinanced && failedReject == 0)
        {
            levelCap = act.Collective ? null : (level, young) switch
            {
                ("A", true) => 137_000m,
                ("B", true) => 77_000m,
                ("C", true) => 20_000m,
                ("A", false) => 700_000m,
                ("B", false) => 435_000m,
                ("C", false) => 34_000m,
                _ => 0m,
            };
            lifetimeCap = act.Collective ? null : young ? 200_000m : 1_200_000m;
            foreach (var g in a.PriorGrants)
            {
                if (g.AgeBand == ageBand && !g.Collective)
                {
                    lifetimeCapUsed += g.GrantDkk;
                    if (g.Level == level)
                    {
                        levelCapUsed += g.GrantDkk;
                    }
                }
            }
            eligible = Math.Floor(act.Share * p.TotalCostDkk);
            grant = eligible;
            if (p.RequestedDkk is { } requested)
            {
                requestedLeft = Math.Max(0m, requested);
                grant = Math.Min(grant, requestedLeft.Value);
            }
            if (levelCap is { } lc)
            {
                levelCapLeft = Math.Max(0m, lc - levelCapUsed);
                grant = Math.Min(grant, levelCapLeft.Value);
            }
            if (lifetimeCap is { } ltc)
            {
                lifetimeCapLeft = Math.Max(0m, ltc - lifetimeCapUsed);
                grant = Math.Min(grant, lifetimeCapLeft.Value);
            }
            if (act.Collective && act.PlannedCompanies is { } planned) // P6.6
            {
                participantCap = Math.Floor(act.BudgetDkk / planned);
                foreach (var g in a.PriorGrants)
                {
                    participantUsed += g.Activity == act.Id ? g.GrantDkk : 0m;
                }
                participantLeft = Math.Max(0m, participantCap - participantUsed);
                grant = Math.Min(grant, participantLeft.Value);
            }
            budgetLeft = Math.Max(0m, act.BudgetDkk);
            grant = Math.Min(grant, budgetLeft);
            if (grant != eligible)
            {
                binding = requestedLeft == grant ? "requested" : levelCapLeft == grant ? "level-cap" : lifetimeCapLeft == grant ? "lifetime-cap"
                    : participantLeft == grant ? "participant-cap" : "budget";
            }
            amountsComputed = true;
        }

        // Outcome precedence.
        string outcome;
        var body = "committee";
        var showCoFinancing = true;
        var followUp = true;
        var reasons = new List<Reason>();
        if (failedReject > 0 || (failedMain > 0 && !hasJustification))
        {
            outcome = "reject";
            showCoFinancing = false;
            followUp = false;
            AddFailed(reasons, checks);
        }
        else if (amountsComputed && eligible == 0)
        {
            outcome = "reject"; // P7.1: the share rounds down to 0 kroner
            followUp = false;
            AddFailed(reasons, checks);
            AddReferral(reasons, primary);
            reasons.Add(new Reason("P7.1", string.Create(Inv, $"The programme's share of the total cost of {N(p.TotalCostDkk)} DKK rounds down to 0 kroner: there is nothing to co-finance.")));
        }
        else if (amountsComputed && grant == 0)
        {
            outcome = "reject"; // P7.3: a cap or the budget is used up
            followUp = false;
            AddFailed(reasons, checks);
            AddReferral(reasons, primary);
            AddBinding(reasons, binding, a, level, ageBand, act, levelCap, levelCapUsed, lifetimeCap, lifetimeCapUsed, participantCap, participantUsed, eligible, grant);
        }
        else if (failedMain > 0 || primary)
        {
            outcome = "refer-to-committee";
            AddFailed(reasons, checks);
            AddReferral(reasons, primary);
        }
        else if (coFinanced && level == "A")
        {
            outcome = "refer-to-growth-panel";
            body = "growth-panel";
            AddBinding(reasons, binding, a, level, ageBand, act, levelCap, levelCapUsed, lifetimeCap, lifetimeCapUsed, participantCap, participantUsed, eligible, grant);
            reasons.Add(new Reason("P8.2", "Grants at level A are decided by the growth panel with external representation."));
        }
        else if (amountsComputed && grant < eligible && binding != "requested") // P7.3: only a cap or budget reduces
        {
            outcome = "approve-reduced";
            AddBinding(reasons, binding, a, level, ageBand, act, levelCap, levelCapUsed, lifetimeCap, lifetimeCapUsed, participantCap, participantUsed, eligible, grant);
        }
        else
        {
            outcome = "approve";
        }

        CoFinancing? coFinancing = null;
        if (showCoFinancing && amountsComputed)
        {
            coFinancing = new CoFinancing
            {
                Share = act.Share,
                EligibleDkk = eligible,
                GrantDkk = grant,
                BindingLimit = binding,
                LevelCapDkk = levelCap,
                LevelCapRemainingDkk = levelCapLeft,
                LifetimeCapDkk = lifetimeCap,
                LifetimeCapRemainingDkk = lifetimeCapLeft,
                ParticipantCapRemainingDkk = participantLeft,
                BudgetRemainingDkk = budgetLeft,
                SelfFundingRequiredDkk = selfFundingRequired,
                SelfFundingOk = selfFundingOk,
            };
        }

        // P8.4 follow-up, P4.9 tranches, P5.1 condition.
        DateOnly? followUpDue = null;
        List<string> conditions = [];
        if (followUp)
        {
            followUpDue = p.PlannedEnd.AddMonths(2);
            if (amountsComputed && grant > 0)
            {
                foreach (var ms in p.Milestones)
                {
                    conditions.Add(string.Create(Inv, $"A tranche is paid when the milestone '{ms.Name}' (due {ms.Due:yyyy-MM-dd}) is reached."));
                }
                if (selfFundingRequired > 0)
                {
                    conditions.Add(string.Create(Inv, $"The company self-funds at least {N(selfFundingRequired)} DKK of the total cost of {N(p.TotalCostDkk)} DKK in cash."));
                }
            }
            conditions.Add(string.Create(Inv, $"The growth house follows up on the activity by {followUpDue.Value:yyyy-MM-dd}."));
        }

        return new Decision
        {
            DecisionId = DecisionPipeline.DecisionIdFor(a.ApplicationId, ruleSetHash),
            ApplicationId = a.ApplicationId,
            Programme = a.Programme,
            Activity = act.Id,
            Outcome = outcome,
            DecisionBody = body,
            Level = level,
            Scores = scores,
            AgeYears = ageYears,
            AgeBand = ageBand,
            GrowthCompany = growthCompany,
            Checks = checks,
            Reasons = reasons,
            CoFinancing = coFinancing,
            KeyAccountManager = level == "A" && outcome != "reject", // P8.3
            FollowUpDue = followUpDue,
            Conditions = conditions,
            ExpectedJobs = coFinancing is null ? null : Math.Round(grant / 46_000m, 2), // P9.2
            RuleSet = new RuleSetRef(ruleSetVersion, ruleSetHash),
        };
    }

    private static void Criterion(decimal weight, bool atA, bool atB, bool atC, ref decimal sA, ref decimal sB, ref decimal sC)
    {
        var b = atA || atB;
        var c = b || atC;
        if (atA)
        {
            sA += weight;
        }
        if (b)
        {
            sB += weight;
        }
        if (c)
        {
            sC += weight;
        }
    }

    private static void Check(List<CheckResult> checks, ref int failures, string clause, bool passed, string message)
    {
        if (!passed)
        {
            failures++;
        }
        checks.Add(new CheckResult(clause, passed, message));
    }

    private static void AddFailed(List<Reason> reasons, List<CheckResult> checks)
    {
        foreach (var c in checks)
        {
            if (!c.Passed)
            {
                reasons.Add(new Reason(c.Id, c.Message));
            }
        }
    }

    private static void AddReferral(List<Reason> reasons, bool primary)
    {
        if (primary) // P1.7
        {
            reasons.Add(new Reason("P1.7", "The company is in the primary sector, which has certain restrictions: the committee decides."));
        }
    }

    private static void AddBinding(List<Reason> reasons, string? binding, Application a, string? level, string ageBand, ActivityRow act,
        decimal? levelCap, decimal levelCapUsed, decimal? lifetimeCap, decimal lifetimeCapUsed, decimal participantCap, decimal participantUsed, decimal eligible, decimal grant)
    {
        switch (binding)
        {
            case "requested":
                reasons.Add(new Reason("P7.2", string.Create(Inv, $"The grant is the {N(a.Project!.RequestedDkk!.Value)} DKK the company asked for, less than the eligible {N(eligible)} DKK.")));
                break;
            case "level-cap":
                reasons.Add(new Reason("P4.4", string.Create(Inv, $"The level {level} cap for {ageBand} companies is {N(levelCap!.Value)} DKK, of which {N(levelCapUsed)} DKK is granted: {N(grant)} DKK is left.")));
                break;
            case "lifetime-cap":
                reasons.Add(new Reason("P4.5", string.Create(Inv, $"The lifetime cap for {ageBand} companies is {N(lifetimeCap!.Value)} DKK, of which {N(lifetimeCapUsed)} DKK is granted: {N(grant)} DKK is left.")));
                break;
            case "participant-cap":
                reasons.Add(new Reason("P6.6", string.Create(Inv, $"The {act.Id} budget of {N(act.BudgetDkk)} DKK is planned for {act.PlannedCompanies} companies: at most {N(participantCap)} DKK per company, of which {N(participantUsed)} DKK is granted to this company: {N(grant)} DKK is left.")));
                break;
            case "budget":
                reasons.Add(new Reason("P6.5", string.Create(Inv, $"The budget of {act.Id} is {N(act.BudgetDkk)} DKK, of which 0 DKK is granted: {N(grant)} DKK is left.")));
                break;
        }
    }

    /// <summary>The head count <paramref name="years"/> before the latest year of the history, or null (P9.1).</summary>
    private static int? HeadCount(IReadOnlyList<EmployeeCount> history, int years)
    {
        if (history.Count == 0)
        {
            return null;
        }
        var latest = int.MinValue;
        foreach (var e in history)
        {
            latest = Math.Max(latest, e.Year);
        }
        foreach (var e in history)
        {
            if (e.Year == latest - years)
            {
                return e.Employees;
            }
        }
        return null;
    }

    /// <summary>A decimal without trailing zeros, as the service prints amounts in messages.</summary>
    private static decimal N(decimal value) => value / 1.0000000000000000000000000000m;
}
