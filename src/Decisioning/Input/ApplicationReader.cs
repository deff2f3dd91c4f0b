using System.Globalization;
using System.Runtime.CompilerServices;
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

    /// <summary>
    /// Reads an application against another declaration than <see cref="ApplicationContract.Fields"/> (one that extends
    /// it, e.g. <see cref="ApplicationContract.With"/>): declared fields the typed model has no property for are in
    /// <see cref="Application.Inputs"/>.
    /// </summary>
    public static InputResult<Application> Read(string json, PolicySet set, IReadOnlyList<ContractField> contract, bool requireProject = true) =>
        Read(System.Text.Encoding.UTF8.GetBytes(json).AsSpan(), set, requireProject, contract);

    private static InputResult<Application> Read(ReadOnlySpan<byte> json, PolicySet set, bool requireProject, IReadOnlyList<ContractField>? contract = null)
    {
        // Text that does not decode (invalid UTF-8) is bad input, not a crash (issue 9); an unpaired surrogate escape
        // (\ud800) is caught where the reader makes the string (ContractReader).
        if (!System.Text.Unicode.Utf8.IsValid(json))
        {
            return new InputResult<Application>(null, [new InputError("$", "is not valid UTF-8 text")]);
        }
        var declared = contract is null ? Default : Declarations.GetValue(contract, f => new Declaration(f));
        var errors = new List<InputError>();
        var root = ContractReader.Read(json, declared.Fields, declared.FieldArray, set.Enumerations, set.Vocabularies, requireProject, MaxDepth, errors);
        if (root is null)
        {
            return new InputResult<Application>(null, errors);
        }
        CheckBetweenFields(root, declared, set, errors);
        if (errors.Count > 0)
        {
            return new InputResult<Application>(null, errors);
        }
        var application = declared.Binder.Bind(root);
        var declaredBands = application.PriorGrants.Select(g => g.AgeBand.Length == 0 ? null : g.AgeBand).ToList(); // optional: derived from dates (P4.5a)
        return RuleSetInputChecks.WithPriorGrantAgeBands(application, declaredBands, set);
    }

    /// <summary>
    /// The checks one field's declaration cannot make: the id's sanity limits, a programme and its activity from the rule
    /// set, a date after another, a year given twice. Each reads the fields it needs by name, valid or not.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void CheckBetweenFields(ContractObject root, Declaration d, PolicySet set, List<InputError> errors)
    {
        if (root.String(d.ApplicationId) is { } id && ApplicationIds.Problem(id) is { } badId)
        {
            errors.Add(new InputError("$.applicationId", badId));
        }
        var programmeId = root.String(d.Programme);
        var activityId = root.String(d.Activity);
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
        var submittedOn = root.Date(d.SubmittedOn);
        if (root.Object(d.Company) is { } company)
        {
            if (company.Date(d.FoundedOn) is { } f && submittedOn is { } s && f > s)
            {
                errors.Add(new InputError("$.company.foundedOn", $"must not be after submittedOn ({s:yyyy-MM-dd}), not {f:yyyy-MM-dd}"));
            }
            var items = company.Items(d.EmployeeHistory);
            var years = new List<decimal>(items?.Count ?? 0);
            for (var i = 0; items is not null && i < items.Count; i++)
            {
                if (items[i] is not { } item || item.Number(d.HistoryYear) is not { } year || item.Number(d.HistoryEmployees) is null)
                {
                    continue;
                }
                if (years.Contains(year))
                {
                    errors.Add(new InputError($"$.company.employeeHistory[{i.ToString(CultureInfo.InvariantCulture)}].year", $"{year} is given twice"));
                }
                years.Add(year);
            }
        }
        if (root.Object(d.Project) is { } project
            && project.Date(d.PlannedStart) is { } start && project.Date(d.PlannedEnd) is { } end && end < start)
        {
            errors.Add(new InputError("$.project.plannedEnd", $"must not be before plannedStart ({start:yyyy-MM-dd}), not {end:yyyy-MM-dd}"));
        }
    }

    private static readonly Declaration Default = new(ApplicationContract.Fields);

    private static readonly ConditionalWeakTable<IReadOnlyList<ContractField>, Declaration> Declarations = new();

    /// <summary>
    /// What a declaration needs at every read, found once: its model binder and where the fields that the checks between
    /// fields read are declared.
    /// </summary>
    private sealed class Declaration
    {
        public Declaration(IReadOnlyList<ContractField> fields)
        {
            Fields = fields;
            FieldArray = [.. fields];
            Binder = ModelBinder.For(fields);
            ApplicationId = IndexOf(fields, "applicationId");
            Programme = IndexOf(fields, "programme");
            Activity = IndexOf(fields, "activity");
            SubmittedOn = IndexOf(fields, "submittedOn");
            Company = IndexOf(fields, "company");
            Project = IndexOf(fields, "project");
            var company = fields[Company].Fields;
            FoundedOn = IndexOf(company, "foundedOn");
            EmployeeHistory = IndexOf(company, "employeeHistory");
            HistoryYear = IndexOf(company[EmployeeHistory].Fields, "year");
            HistoryEmployees = IndexOf(company[EmployeeHistory].Fields, "employees");
            PlannedStart = IndexOf(fields[Project].Fields, "plannedStart");
            PlannedEnd = IndexOf(fields[Project].Fields, "plannedEnd");
        }

        public IReadOnlyList<ContractField> Fields { get; }

        /// <summary>The root's fields as an array, for the reader (the nested ones are <see cref="ContractField.FieldArray"/>).</summary>
        public ContractField[] FieldArray { get; }

        public ModelBinder Binder { get; }
        public int ApplicationId { get; }
        public int Programme { get; }
        public int Activity { get; }
        public int SubmittedOn { get; }
        public int Company { get; }
        public int Project { get; }
        public int FoundedOn { get; }
        public int EmployeeHistory { get; }
        public int HistoryYear { get; }
        public int HistoryEmployees { get; }
        public int PlannedStart { get; }
        public int PlannedEnd { get; }

        private static int IndexOf(IReadOnlyList<ContractField> fields, string name)
        {
            for (var i = 0; i < fields.Count; i++)
            {
                if (fields[i].Name == name)
                {
                    return i;
                }
            }
            throw new InvalidOperationException($"The checks between fields read '{name}', which the contract does not declare.");
        }
    }
}
