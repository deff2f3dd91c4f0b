using System.Text.Json;
using Decisioning.Model;
using Decisioning.Policy;

namespace Decisioning.Input;

/// <summary>
/// Parses and validates an application (contract input) against the active rule set's programmes, activities and
/// enumerations. Every bad field is reported by JSON path; nothing partial is returned.
/// </summary>
public static class ApplicationReader
{
    /// <summary>Deepest nesting accepted; deeper input is refused as absurd.</summary>
    public const int MaxDepth = 32;

    private static readonly JsonDocumentOptions Options = new() { MaxDepth = MaxDepth, CommentHandling = JsonCommentHandling.Disallow, AllowTrailingCommas = false };

    /// <summary>Reads an application from JSON text (UTF-8 bytes).</summary>
    /// <param name="json">The JSON.</param>
    /// <param name="set">The rule set whose programmes and enumerations the input must use.</param>
    /// <param name="requireProject">False for an eligibility check, which needs no project block (and ignores one).</param>
    public static InputResult<Application> Read(ReadOnlyMemory<byte> json, PolicySet set, bool requireProject = true)
    {
        // Text that does not decode (invalid UTF-8, an unpaired surrogate escape) is bad input, not a crash (issue 9);
        // the HTTP API names the field first (Host: RequestBodyJson), the command line and stored bodies rely on this.
        if (!System.Text.Unicode.Utf8.IsValid(json.Span))
        {
            return new InputResult<Application>(null, [new InputError("$", "is not valid UTF-8 text")]);
        }
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(json, Options);
        }
        catch (JsonException ex)
        {
            return new InputResult<Application>(null, [new InputError("$", "is not valid JSON: " + ex.Message)]);
        }
        using (doc)
        {
            try
            {
                return Read(doc.RootElement, set, requireProject);
            }
            catch (InvalidOperationException ex) when (ex.Message.Contains("UTF-16", StringComparison.Ordinal))
            {
                return new InputResult<Application>(null, [new InputError("$", "holds a string with an unpaired surrogate (such as \\ud800)")]);
            }
        }
    }

    /// <summary>Reads an application from a string.</summary>
    public static InputResult<Application> Read(string json, PolicySet set, bool requireProject = true) =>
        Read(System.Text.Encoding.UTF8.GetBytes(json), set, requireProject);

    /// <summary>Reads an application from a parsed JSON element.</summary>
    public static InputResult<Application> Read(JsonElement root, PolicySet set, bool requireProject = true)
    {
        var r = new JsonFieldReader();
        if (root.ValueKind != JsonValueKind.Object)
        {
            r.Error("$", "must be a JSON object (one application)");
            return new InputResult<Application>(null, r.Errors);
        }
        const string p = "$";
        var id = r.String(root, p, "applicationId", true);
        if (id is not null && ApplicationIds.Problem(id) is { } badId)
        {
            r.Error("$.applicationId", badId);
        }
        var programmeId = r.String(root, p, "programme", true);
        var activityId = r.String(root, p, "activity", requireProject);
        var submittedOn = r.Date(root, p, "submittedOn", true);
        ProgrammePolicy? programme = null;
        if (programmeId is not null)
        {
            programme = set.FindProgramme(programmeId);
            if (programme is null)
            {
                r.Error("$.programme", $"must be one of {string.Join(", ", set.Programmes.Keys)}, not '{programmeId}'");
            }
        }
        if (programme is not null && activityId is not null && programme.FindActivity(activityId) is null)
        {
            r.Error("$.activity", $"must be an activity of {programme.Id} ({string.Join(", ", programme.Activities.Select(x => x.Id))}), not '{activityId}'");
        }
        var company = ReadCompany(r, root, submittedOn, set);
        var growthMappingDone = r.Bool(root, p, "growthMappingDone", true);
        var additionality = r.Bool(root, p, "additionality", true);
        var justification = r.String(root, p, "exceptionJustification", false, nonEmpty: false);
        var assessment = ReadAssessment(r, root, set.Enumerations);
        var project = requireProject ? ReadProject(r, root) : null;
        var (priorGrants, declaredBands) = ReadPriorGrants(r, root, set.Enumerations);

        if (r.Errors.Count > 0)
        {
            return new InputResult<Application>(null, r.Errors);
        }
        var application = new Application
        {
            ApplicationId = id!,
            Programme = programmeId!,
            Activity = activityId ?? "",
            SubmittedOn = submittedOn!.Value,
            Company = company!,
            GrowthMappingDone = growthMappingDone!.Value,
            Additionality = additionality!.Value,
            ExceptionJustification = justification,
            Assessment = assessment,
            Project = project,
            PriorGrants = priorGrants,
        };
        return RuleSetInputChecks.WithPriorGrantAgeBands(application, declaredBands, set);
    }

    private static Company? ReadCompany(JsonFieldReader r, JsonElement root, DateOnly? submittedOn, PolicySet set)
    {
        if (r.Object(root, "$", "company", true) is not { } c)
        {
            return null;
        }
        const string p = "$.company";
        var cvr = r.String(c, p, "cvr", true);
        if (cvr is not null && (cvr.Length != 8 || !cvr.All(char.IsAsciiDigit)))
        {
            r.Error("$.company.cvr", $"must be a CVR number of 8 digits, not '{cvr}'");
        }
        var name = r.String(c, p, "name", true);
        var foundedOn = r.Date(c, p, "foundedOn", true);
        if (foundedOn is { } f && submittedOn is { } s && f > s)
        {
            r.Error("$.company.foundedOn", $"must not be after submittedOn ({s:yyyy-MM-dd}), not {f:yyyy-MM-dd}");
        }
        var employees = r.Whole(c, p, "employees", true, 0, 10_000_000, "a head count");
        var region = r.String(c, p, "region", true);
        var sector = r.String(c, p, "sector", true);
        foreach (var (vocabulary, word) in new[] { ("region", region), ("sector", sector) })
        {
            if (word is not null && RuleSetInputChecks.Word(set, vocabulary, word) is { } bad)
            {
                r.Error(bad.Path, bad.Message); // P1.8
            }
        }
        var history = new List<EmployeeCount>();
        if (r.Array(c, p, "employeeHistory", false) is { } h)
        {
            var i = 0;
            foreach (var item in h.EnumerateArray())
            {
                var ip = JsonFieldReader.Index(p + ".employeeHistory", i++);
                if (item.ValueKind != JsonValueKind.Object)
                {
                    r.Error(ip, "must be an object with year and employees");
                    continue;
                }
                var year = r.Whole(item, ip, "year", true, 1800, 9999, "a year");
                var count = r.Whole(item, ip, "employees", true, 0, 10_000_000, "a head count");
                if (year is not null && count is not null)
                {
                    if (history.Any(e => e.Year == year))
                    {
                        r.Error(JsonFieldReader.Join(ip, "year"), $"{year} is given twice");
                    }
                    history.Add(new EmployeeCount((int)year, (int)count));
                }
            }
        }
        if (cvr is null || name is null || foundedOn is null || employees is null || region is null || sector is null)
        {
            return null;
        }
        return new Company
        {
            Cvr = cvr,
            Name = name,
            FoundedOn = foundedOn.Value,
            Employees = (int)employees.Value,
            Region = region,
            Sector = sector,
            EmployeeHistory = history,
        };
    }

    private static Assessment? ReadAssessment(JsonFieldReader r, JsonElement root, EnumerationCatalog e)
    {
        if (r.Object(root, "$", "assessment", false) is not { } a)
        {
            return null;
        }
        const string p = "$.assessment";
        GrowthAmbition? growth = null;
        if (r.Object(a, p, "growthAmbition", true) is { } g)
        {
            const string gp = p + ".growthAmbition";
            var horizon = r.Number(g, gp, "horizonYears", true, 0, 100);
            var revenue = r.Number(g, gp, "revenueGrowth", true, -1, 1000);
            var employment = r.Number(g, gp, "employmentGrowth", true, -1, 1000);
            var export = r.Number(g, gp, "exportGrowth", true, -1, 1000);
            if (horizon is not null && revenue is not null && employment is not null && export is not null)
            {
                growth = new GrowthAmbition(horizon.Value, revenue.Value, employment.Value, export.Value);
            }
        }
        Scalability? scalability = null;
        if (r.Object(a, p, "scalability", true) is { } s)
        {
            const string sp = p + ".scalability";
            var plan = r.Word(s, sp, "businessPlan", true, e.Find("businessPlan"));
            var valueAdded = r.Number(s, sp, "valueAddedGrowth", true, -1, 1000);
            if (plan is not null && valueAdded is not null)
            {
                scalability = new Scalability(plan, valueAdded.Value);
            }
        }
        Organisation? organisation = null;
        if (r.Object(a, p, "organisation", true) is { } o)
        {
            const string op = p + ".organisation";
            var management = r.Word(o, op, "management", true, e.Find("management"));
            var board = r.Word(o, op, "board", true, e.Find("board"));
            var knowledge = r.Word(o, op, "externalKnowledge", true, e.Find("externalKnowledge"));
            if (management is not null && board is not null && knowledge is not null)
            {
                organisation = new Organisation(management, board, knowledge);
            }
        }
        Market? market = null;
        if (r.Object(a, p, "market", true) is { } m)
        {
            const string mp = p + ".market";
            var share = r.Number(m, mp, "exportShare", true, 0, 1);
            var tested = r.Bool(m, mp, "potentialTested", true);
            var outside = r.Bool(m, mp, "salesMostlyOutsideRegion", true);
            var experience = r.Word(m, mp, "exportExperience", true, e.Find("exportExperience"));
            var ambition = r.Bool(m, mp, "exportAmbition", true);
            var channels = r.Bool(m, mp, "salesChannelsClarified", true);
            if (share is not null && tested is not null && outside is not null && experience is not null && ambition is not null && channels is not null)
            {
                market = new Market(share.Value, tested.Value, outside.Value, experience, ambition.Value, channels.Value);
            }
        }
        Finance? finance = null;
        if (r.Object(a, p, "finance", true) is { } fi)
        {
            const string fp = p + ".finance";
            var equity = r.Bool(fi, fp, "equityPositive", true);
            var profitable = r.Bool(fi, fp, "profitable", true);
            var overview = r.Bool(fi, fp, "capitalNeedsOverview", true);
            var access = r.Bool(fi, fp, "fundingAccess", true);
            var risk = r.Word(fi, fp, "riskCapital", true, e.Find("riskCapital"));
            if (equity is not null && profitable is not null && overview is not null && access is not null && risk is not null)
            {
                finance = new Finance(equity.Value, profitable.Value, overview.Value, access.Value, risk);
            }
        }
        var technology = r.Word(a, p, "technology", true, e.Find("technology"));
        var roleModel = r.Word(a, p, "roleModel", true, e.Find("roleModel"));
        if (growth is null || scalability is null || organisation is null || market is null || finance is null || technology is null || roleModel is null)
        {
            return null;
        }
        return new Assessment
        {
            GrowthAmbition = growth,
            Scalability = scalability,
            Organisation = organisation,
            Market = market,
            Finance = finance,
            Technology = technology,
            RoleModel = roleModel,
        };
    }

    private static Project? ReadProject(JsonFieldReader r, JsonElement root)
    {
        if (r.Object(root, "$", "project", true) is not { } pr)
        {
            return null;
        }
        const string p = "$.project";
        var total = r.Money(pr, p, "totalCostDkk", true);
        var own = r.Money(pr, p, "ownCashDkk", true);
        var requested = r.Money(pr, p, "requestedDkk", false);
        var start = r.Date(pr, p, "plannedStart", true);
        var end = r.Date(pr, p, "plannedEnd", true);
        if (start is { } s && end is { } e && e < s)
        {
            r.Error("$.project.plannedEnd", $"must not be before plannedStart ({s:yyyy-MM-dd}), not {e:yyyy-MM-dd}");
        }
        var startPackage = r.Bool(pr, p, "startPackage", true);
        var milestones = new List<Milestone>();
        var milestonesOk = true;
        if (r.Array(pr, p, "milestones", true) is { } ms)
        {
            var i = 0;
            foreach (var item in ms.EnumerateArray())
            {
                var ip = JsonFieldReader.Index(p + ".milestones", i++);
                if (item.ValueKind != JsonValueKind.Object)
                {
                    r.Error(ip, "must be an object with name and due");
                    milestonesOk = false;
                    continue;
                }
                var name = r.String(item, ip, "name", true);
                var due = r.Date(item, ip, "due", true);
                if (name is not null && due is not null)
                {
                    milestones.Add(new Milestone(name, due.Value));
                }
                else
                {
                    milestonesOk = false;
                }
            }
        }
        else
        {
            milestonesOk = false;
        }
        if (total is null || own is null || start is null || end is null || startPackage is null || !milestonesOk)
        {
            return null;
        }
        return new Project
        {
            TotalCostDkk = total.Value,
            OwnCashDkk = own.Value,
            RequestedDkk = requested,
            PlannedStart = start.Value,
            PlannedEnd = end.Value,
            StartPackage = startPackage.Value,
            Milestones = milestones,
        };
    }

    private static (List<PriorGrant> Grants, List<string?> DeclaredBands) ReadPriorGrants(JsonFieldReader r, JsonElement root, EnumerationCatalog e)
    {
        var grants = new List<PriorGrant>();
        var declared = new List<string?>();
        if (r.Array(root, "$", "priorGrants", false) is not { } arr)
        {
            return (grants, declared);
        }
        var i = 0;
        foreach (var item in arr.EnumerateArray())
        {
            var ip = JsonFieldReader.Index("$.priorGrants", i++);
            if (item.ValueKind != JsonValueKind.Object)
            {
                r.Error(ip, "must be an object describing an approved grant");
                continue;
            }
            var decidedOn = r.Date(item, ip, "decidedOn", true);
            var activity = r.String(item, ip, "activity", true);
            var level = r.Word(item, ip, "level", true, e.Find("level"));
            var band = r.Word(item, ip, "ageBand", false, e.Find("ageBand")); // optional: derived from dates (P4.5a)
            var grant = r.Money(item, ip, "grantDkk", true);
            var collective = r.Bool(item, ip, "collective", true);
            var startPackage = r.Bool(item, ip, "startPackage", true);
            if (decidedOn is null || activity is null || level is null || grant is null || collective is null || startPackage is null)
            {
                continue;
            }
            declared.Add(band?.Word);
            grants.Add(new PriorGrant
            {
                DecidedOn = decidedOn.Value,
                Activity = activity,
                Level = level.Word,
                AgeBand = band?.Word ?? "",
                GrantDkk = grant.Value,
                Collective = collective.Value,
                StartPackage = startPackage.Value,
            });
        }
        return (grants, declared);
    }
}
