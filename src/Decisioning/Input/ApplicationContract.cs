using static Decisioning.Input.FieldKind;

namespace Decisioning.Input;

/// <summary>
/// The application (contract input) declared once: every field, its kind, bounds and vocabulary. The words of a
/// <see cref="FieldKind.Word"/> field come from the active rule set's enumeration of the same name, so policy staff
/// change them in <c>rules/</c>; so do the words (and labels) of a string field that names a
/// <see cref="ContractField.WordList"/> (P1.8 vocabularies). A new input field is one line here plus where the model and the rules use it.
/// </summary>
public static class ApplicationContract
{
    private const decimal MaxHeadCount = 10_000_000;
    private const decimal MaxKroner = 1_000_000_000_000;

    /// <summary>Items of each list (years of head counts, milestones, earlier grants): more than any case needs, few enough for a form.</summary>
    private const int MaxRows = 20;

    private static ContractField Text(string name, string description, string? example = null) => new(name, FieldKind.String) { Description = description, Example = example };

    private static ContractField Day(string name, string description, string example) => new(name, Date) { Description = description, Example = example };

    private static ContractField Flag(string name, string description) => new(name, Bool) { Description = description };

    private static ContractField HeadCount(string name, string description) =>
        new(name, Whole) { Min = 0, Max = MaxHeadCount, What = "a head count", Description = description, Example = "23" };

    private static ContractField Kroner(string name, string description, Presence presence = Presence.Required) =>
        new(name, Whole) { Min = 0, Max = MaxKroner, What = "whole Danish kroner", Presence = presence, Description = description, Example = "250000" };

    private static ContractField Share(string name, string description, decimal min = -1, decimal max = 1000) =>
        new(name, Number) { Min = min, Max = max, Description = description, Example = "0.15" };

    private static ContractField Enumerated(string name, string description) => new(name, Word) { Vocabulary = name, Description = description };

    private static ContractField Part(string name, string description, params ContractField[] fields) => new(name, FieldKind.Object) { Fields = fields, Description = description };

    /// <summary>The fields of an application, in the order the reader reports them.</summary>
    public static IReadOnlyList<ContractField> Fields { get; } =
    [
        Text("applicationId", "The application's id, unique per application.", "EXP-2026-0042"),
        Text("programme", "The programme applied to: one of the rule set's programmes.", "eksport-2017"),
        new("activity", FieldKind.String) { Presence = Presence.RequiredForDecision, Description = "The activity applied for: one of the programme's activities (optional for an eligibility check).", Example = "individual-growth" },
        Day("submittedOn", "The day the application was submitted.", "2026-03-02"),
        Part("company", "The applicant company (P1).",
            new ContractField("cvr", FieldKind.String) { Pattern = "^[0-9]{8}$", What = "a CVR number of 8 digits", Description = "The company's CVR number.", Example = "31415926" },
            Text("name", "The company's name.", "Nordlys Maskiner ApS"),
            Day("foundedOn", "The day the company was founded (P4.4 age band); not after submittedOn.", "2014-05-01"),
            HeadCount("employees", "Full-time employees now (P1.2, P1.4)."),
            Text("region", "The region the company is registered in (P1.1, P1.8).", "Midtjylland") with { WordList = "region" },
            Text("sector", "The company's sector (P1.6, P1.8, P5.2).", "manufacturing") with { WordList = "sector" },
            new ContractField("employeeHistory", ObjectArray)
            {
                Presence = Presence.Optional,
                What = "an object with year and employees",
                MaxItems = MaxRows,
                Description = "Head counts of earlier years (P9.1 growth company); a year at most once.",
                Fields = [new ContractField("year", Whole) { Min = 1800, Max = 9999, What = "a year", Example = "2022" }, HeadCount("employees", "The head count that year.")],
            }),
        Flag("growthMappingDone", "The growth mapping is done (P2.1)."),
        Flag("additionality", "The project would not happen, or not as well, without the grant (P4.3)."),
        new("exceptionJustification", FieldKind.String) { Presence = Presence.Optional, NonEmpty = false, Description = "Why an exception from the main rule is justified (P1.3)." },
        Part("assessment", "The consultant's scorecard assessment (P3); without it no level is met.",
            Part("growthAmbition", "P3.6 expected yearly growth and its horizon.",
                Share("horizonYears", "Years until the growth is reached.", 0, 100),
                Share("revenueGrowth", "Expected yearly revenue growth (0.15 = 15 %)."),
                Share("employmentGrowth", "Expected yearly employment growth."),
                Share("exportGrowth", "Expected yearly export growth.")),
            Part("scalability", "P3.7 scalability.",
                Enumerated("businessPlan", "How explicit the growth strategy is."),
                Share("valueAddedGrowth", "Expected yearly growth of value added.")),
            Part("organisation", "P3.8 organisational capacity.",
                Enumerated("management", "The management's competence."),
                Enumerated("board", "The board's professionalism."),
                Enumerated("externalKnowledge", "Use of external knowledge.")),
            Part("market", "P3.9 market potential and internationalisation.",
                Share("exportShare", "Export share of revenue (0 to 1).", 0, 1),
                Flag("potentialTested", "The market potential has been tested."),
                Flag("salesMostlyOutsideRegion", "Most sales are outside the region."),
                Enumerated("exportExperience", "Export experience."),
                Flag("exportAmbition", "The company has export ambitions."),
                Flag("salesChannelsClarified", "Sales channels abroad are clarified.")),
            Part("finance", "P3.10 financing of growth.",
                Flag("equityPositive", "Equity is positive."),
                Flag("profitable", "The company is profitable."),
                Flag("capitalNeedsOverview", "The company has an overview of its capital needs."),
                Flag("fundingAccess", "The company has access to funding."),
                Enumerated("riskCapital", "Risk capital raised.")),
            Enumerated("technology", "P3.11 technology and innovation."),
            Enumerated("roleModel", "P3.12 role model for other companies.")) with { Presence = Presence.Optional },
        Part("project", "The activity's budget and plan (P4, P5, P7, P8.4); not read by an eligibility check.",
            Kroner("totalCostDkk", "The project's total cost."),
            Kroner("ownCashDkk", "The company's own cash in the project (P5)."),
            Kroner("requestedDkk", "The grant asked for; absent or null: no limit from the request (P7).", Presence.Optional),
            Day("plannedStart", "The planned start.", "2026-04-01"),
            Day("plannedEnd", "The planned end; not before plannedStart.", "2026-11-30"),
            Flag("startPackage", "The project is part of a start package."),
            new ContractField("milestones", ObjectArray)
            {
                What = "an object with name and due",
                MaxItems = MaxRows,
                Description = "The milestones of the growth plan (P4.2, P4.9).",
                Fields = [Text("name", "What is done by then.", "Market analysis done"), Day("due", "When.", "2026-06-30")],
            }) with { Presence = Presence.ForDecision },
        new("priorGrants", ObjectArray)
        {
            Presence = Presence.Optional,
            What = "an object describing an approved grant",
            MaxItems = MaxRows,
            Description = "Grants approved outside the service that count against the company's caps (P4.4-P4.6).",
            Fields =
            [
                Day("decidedOn", "When the grant was decided.", "2024-09-10"),
                Text("activity", "The activity granted.", "individual-growth"),
                Enumerated("level", "The company's level then."),
                Enumerated("ageBand", "The company's age band then; optional: it is derived from the dates, and one that disagrees is bad input (P4.5a).") with { Presence = Presence.Optional },
                Kroner("grantDkk", "The amount granted."),
                Flag("collective", "A collective activity (outside the individual caps)."),
                Flag("startPackage", "Part of a start package."),
            ],
        },
    ];

    /// <summary>
    /// A declaration that is <paramref name="fields"/> with <paramref name="field"/> added to the object at
    /// <paramref name="parent"/> (<c>""</c> for the root, <c>company</c>, <c>assessment.market</c>, or an array of
    /// objects such as <c>priorGrants</c>): how a programme or a test declares one more input field. The reader, the
    /// OpenAPI schema and the tests' generator take any declaration; a field the model has no property for is read into
    /// <see cref="Model.Application.Inputs"/>.
    /// </summary>
    public static IReadOnlyList<ContractField> With(IReadOnlyList<ContractField> fields, string parent, ContractField field)
    {
        if (parent.Length == 0)
        {
            return fields.Any(f => f.Name == field.Name)
                ? throw new ArgumentException($"'{field.Name}' is declared already.", nameof(field))
                : [.. fields, field];
        }
        var dot = parent.IndexOf('.', StringComparison.Ordinal);
        var (head, rest) = dot < 0 ? (parent, "") : (parent[..dot], parent[(dot + 1)..]);
        var container = fields.SingleOrDefault(f => f.Name == head && f.Kind is FieldKind.Object or FieldKind.ObjectArray)
            ?? throw new ArgumentException($"'{head}' is not a declared object.", nameof(parent));
        return [.. fields.Select(f => ReferenceEquals(f, container) ? f with { Fields = With(f.Fields, rest, field) } : f)];
    }
}
