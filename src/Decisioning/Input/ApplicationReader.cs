using System.Globalization;
using System.Text.Json;
using Decisioning.Model;
using Decisioning.Policy;

namespace Decisioning.Input;

/// <summary>
/// Parses and validates an application (contract input) against the active rule set's programmes, activities and
/// enumerations, reading the UTF-8 bytes once (<see cref="ContractReader"/> over <see cref="ApplicationContract"/>).
/// Every bad field is reported by JSON path; nothing partial is returned.
/// </summary>
public static class ApplicationReader
{
    /// <summary>Deepest nesting accepted; deeper input is refused as absurd.</summary>
    public const int MaxDepth = 32;

    /// <summary>Reads an application from JSON text (UTF-8 bytes).</summary>
    /// <param name="json">The JSON.</param>
    /// <param name="set">The rule set whose programmes and enumerations the input must use.</param>
    /// <param name="requireProject">False for an eligibility check, which needs no project block (and ignores one).</param>
    public static InputResult<Application> Read(ReadOnlyMemory<byte> json, PolicySet set, bool requireProject = true) =>
        Read(json.Span, set, requireProject);

    /// <summary>Reads an application from a string.</summary>
    public static InputResult<Application> Read(string json, PolicySet set, bool requireProject = true) =>
        Read(System.Text.Encoding.UTF8.GetBytes(json).AsSpan(), set, requireProject);

    /// <summary>Reads an application from a parsed JSON element.</summary>
    public static InputResult<Application> Read(JsonElement root, PolicySet set, bool requireProject = true) =>
        Read(JsonSerializer.SerializeToUtf8Bytes(root).AsSpan(), set, requireProject);

    private static InputResult<Application> Read(ReadOnlySpan<byte> json, PolicySet set, bool requireProject)
    {
        // Text that does not decode (invalid UTF-8) is bad input, not a crash (issue 9); an unpaired surrogate escape
        // (\ud800) is caught where the reader makes the string (ContractReader).
        if (!System.Text.Unicode.Utf8.IsValid(json))
        {
            return new InputResult<Application>(null, [new InputError("$", "is not valid UTF-8 text")]);
        }
        var errors = new List<InputError>();
        var root = ContractReader.Read(json, ApplicationContract.Fields, set.Enumerations, requireProject, MaxDepth, errors);
        if (root is null)
        {
            return new InputResult<Application>(null, errors);
        }
        var r = new FieldCursor(root);
        var id = r.String("applicationId");
        var programmeId = r.String("programme");
        var activityId = r.String("activity");
        var submittedOn = r.Date("submittedOn");
        var company = r.Object("company");
        var growthMappingDone = r.Bool("growthMappingDone");
        var additionality = r.Bool("additionality");
        var justification = r.String("exceptionJustification");
        var assessment = r.Object("assessment");
        var project = r.Object("project");
        var priorGrants = r.Items("priorGrants");
        if (id is not null && ApplicationIds.Problem(id) is { } badId)
        {
            errors.Add(new InputError("$.applicationId", badId));
        }

        ProgrammePolicy? programme = null;
        if (programmeId is not null)
        {
            programme = set.FindProgramme(programmeId);
            if (programme is null)
            {
                errors.Add(new InputError("$.programme", $"must be one of {string.Join(", ", set.Programmes.Keys)}, not '{programmeId}'"));
            }
        }
        if (programme is not null && activityId is not null && programme.FindActivity(activityId) is null)
        {
            errors.Add(new InputError("$.activity", $"must be an activity of {programme.Id} ({string.Join(", ", programme.Activities.Select(x => x.Id))}), not '{activityId}'"));
        }
        var companyValue = company is null ? null : ReadCompany(company, submittedOn, set, errors);
        var projectValue = project is null ? null : ReadProject(project, errors);
        if (errors.Count > 0)
        {
            return new InputResult<Application>(null, errors);
        }
        var declaredBands = new List<string?>(priorGrants?.Count ?? 0);
        var application = new Application
        {
            ApplicationId = id!,
            Programme = programmeId!,
            Activity = activityId ?? "",
            SubmittedOn = submittedOn!.Value,
            Company = companyValue!,
            GrowthMappingDone = growthMappingDone!.Value,
            Additionality = additionality!.Value,
            ExceptionJustification = justification,
            Assessment = assessment is null ? null : ReadAssessment(assessment),
            Project = requireProject ? projectValue : null,
            PriorGrants = priorGrants is null ? [] : priorGrants.Select(g => ReadPriorGrant(g!, declaredBands)).ToList(),
        };
        return RuleSetInputChecks.WithPriorGrantAgeBands(application, declaredBands, set);
    }

    private static Company? ReadCompany(ContractObject c, DateOnly? submittedOn, PolicySet set, List<InputError> errors)
    {
        var r = new FieldCursor(c);
        var cvr = r.String("cvr");
        var name = r.String("name");
        var foundedOn = r.Date("foundedOn");
        var employees = r.Number("employees");
        var region = r.String("region");
        var sector = r.String("sector");
        var items = r.Items("employeeHistory");
        foreach (var (vocabulary, word) in new[] { ("region", region), ("sector", sector) })
        {
            if (word is not null && RuleSetInputChecks.Word(set, vocabulary, word) is { } bad)
            {
                errors.Add(bad); // P1.8
            }
        }
        if (foundedOn is { } f && submittedOn is { } s && f > s)
        {
            errors.Add(new InputError("$.company.foundedOn", $"must not be after submittedOn ({s:yyyy-MM-dd}), not {f:yyyy-MM-dd}"));
        }
        var history = new List<EmployeeCount>(items?.Count ?? 0);
        for (var i = 0; items is not null && i < items.Count; i++)
        {
            var h = items[i] is { } item ? new FieldCursor(item) : default;
            if (items[i] is null || h.Number("year") is not { } year || h.Number("employees") is not { } count)
            {
                continue;
            }
            if (history.Exists(e => e.Year == year))
            {
                errors.Add(new InputError($"$.company.employeeHistory[{i.ToString(CultureInfo.InvariantCulture)}].year", $"{year} is given twice"));
            }
            history.Add(new EmployeeCount((int)year, (int)count));
        }
        if (!c.Complete)
        {
            return null;
        }
        return new Company
        {
            Cvr = cvr!,
            Name = name!,
            FoundedOn = foundedOn!.Value,
            Employees = (int)employees!.Value,
            Region = region!,
            Sector = sector!,
            EmployeeHistory = history,
        };
    }

    private static Assessment ReadAssessment(ContractObject a)
    {
        var r = new FieldCursor(a);
        var g = new FieldCursor(r.Object("growthAmbition")!);
        var growth = new GrowthAmbition(g.Number("horizonYears")!.Value, g.Number("revenueGrowth")!.Value, g.Number("employmentGrowth")!.Value, g.Number("exportGrowth")!.Value);
        var s = new FieldCursor(r.Object("scalability")!);
        var scalability = new Scalability(s.Word("businessPlan")!, s.Number("valueAddedGrowth")!.Value);
        var o = new FieldCursor(r.Object("organisation")!);
        var organisation = new Organisation(o.Word("management")!, o.Word("board")!, o.Word("externalKnowledge")!);
        var m = new FieldCursor(r.Object("market")!);
        var market = new Market(m.Number("exportShare")!.Value, m.Bool("potentialTested")!.Value, m.Bool("salesMostlyOutsideRegion")!.Value,
            m.Word("exportExperience")!, m.Bool("exportAmbition")!.Value, m.Bool("salesChannelsClarified")!.Value);
        var f = new FieldCursor(r.Object("finance")!);
        var finance = new Finance(f.Bool("equityPositive")!.Value, f.Bool("profitable")!.Value, f.Bool("capitalNeedsOverview")!.Value,
            f.Bool("fundingAccess")!.Value, f.Word("riskCapital")!);
        return new Assessment
        {
            GrowthAmbition = growth,
            Scalability = scalability,
            Organisation = organisation,
            Market = market,
            Finance = finance,
            Technology = r.Word("technology")!,
            RoleModel = r.Word("roleModel")!,
        };
    }

    private static Project? ReadProject(ContractObject p, List<InputError> errors)
    {
        var r = new FieldCursor(p);
        var total = r.Number("totalCostDkk");
        var own = r.Number("ownCashDkk");
        var requested = r.Number("requestedDkk");
        var start = r.Date("plannedStart");
        var end = r.Date("plannedEnd");
        var startPackage = r.Bool("startPackage");
        var milestones = r.Items("milestones");
        if (start is { } s && end is { } e && e < s)
        {
            errors.Add(new InputError("$.project.plannedEnd", $"must not be before plannedStart ({s:yyyy-MM-dd}), not {e:yyyy-MM-dd}"));
        }
        if (!p.Complete)
        {
            return null;
        }
        var list = new List<Milestone>(milestones!.Count);
        foreach (var item in milestones)
        {
            var m = new FieldCursor(item!);
            list.Add(new Milestone(m.String("name")!, m.Date("due")!.Value));
        }
        return new Project
        {
            TotalCostDkk = total!.Value,
            OwnCashDkk = own!.Value,
            RequestedDkk = requested,
            PlannedStart = start!.Value,
            PlannedEnd = end!.Value,
            StartPackage = startPackage!.Value,
            Milestones = list,
        };
    }

    private static PriorGrant ReadPriorGrant(ContractObject g, List<string?> declaredBands)
    {
        var r = new FieldCursor(g);
        var decidedOn = r.Date("decidedOn")!.Value;
        var activity = r.String("activity")!;
        var level = r.Word("level")!.Word;
        var band = r.Word("ageBand")?.Word; // optional: derived from dates (P4.5a)
        declaredBands.Add(band);
        return new PriorGrant
        {
            DecidedOn = decidedOn,
            Activity = activity,
            Level = level,
            AgeBand = band ?? "",
            GrantDkk = r.Number("grantDkk")!.Value,
            Collective = r.Bool("collective")!.Value,
            StartPackage = r.Bool("startPackage")!.Value,
        };
    }
}
