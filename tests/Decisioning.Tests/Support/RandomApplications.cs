using System.Globalization;
using System.Text.Json.Nodes;
using Decisioning.Input;
using Decisioning.Policy;
using Decisioning.Rules;

namespace Decisioning.Tests.Support;

/// <summary>
/// Generates varied, valid applications from a seed, for property tests over thousands of cases. Everything it picks
/// comes from the contract declaration (<see cref="ApplicationContract"/>, or a declaration that extends it) and the
/// rule set: the words of every enumerated field, the P1.8 vocabularies (region, sector), the programme's activities and
/// levels, head counts at the rule set's named employee thresholds, and every field's limits. A field added to the
/// declaration is generated within its limits with no change here.
/// </summary>
internal sealed class RandomApplications(int seed, IReadOnlyList<ContractField>? contract = null, RuleSetSnapshot? snapshot = null)
{
    private readonly Random _random = new(seed);
    private readonly IReadOnlyList<ContractField> _contract = contract ?? ApplicationContract.Fields;
    private readonly RuleSetSnapshot _snapshot = snapshot ?? TestRules.Snapshot;

    /// <summary>Every enumerated field of the assessment (path below <c>assessment</c>) with the rule set's words.</summary>
    public static readonly (string Path, string[] Words)[] Scales =
        [.. Below(Field(ApplicationContract.Fields, "assessment").Fields, "").Where(f => f.Field.Kind == FieldKind.Word).Select(f => (f.Path, Words(TestRules.Snapshot.Policy, f.Field)))];

    /// <summary>Every yes/no field of the assessment (path below <c>assessment</c>).</summary>
    public static readonly string[] Flags =
        [.. Below(Field(ApplicationContract.Fields, "assessment").Fields, "").Where(f => f.Field.Kind == FieldKind.Bool).Select(f => f.Path)];

    private PolicySet Policy => _snapshot.Policy;

    private ProgrammePolicy Programme => Policy.Programmes.Values.First();

    public JsonObject Next(int n)
    {
        // Worked example 01 is the starting point; every word below is then drawn from the rule set.
        var app = Applications.Base();
        app["applicationId"] = $"GEN-{n}";
        app["programme"] = Programme.Id;
        var submitted = DateOnly.ParseExact((string)app["submittedOn"]!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var founded = submitted.AddDays(-_random.Next(0, 365 * (2 * MaxNamed("Age") + 2)));
        app["company"]!["foundedOn"] = Iso(founded);
        app["company"]!["employees"] = EmployeeCount(Field(_contract, "company", "employees"), (decimal)app["company"]!["employees"]!);
        app["company"]!["sector"] = Word("company", "sector");
        // The base application's region 9 times in 10 (a target group to reach), else any word of the vocabulary (P1.8).
        app["company"]!["region"] = _random.Next(10) == 0 ? Word("company", "region") : app["company"]!["region"]!.DeepClone();
        app["activity"] = Pick([.. Programme.Activities.Select(a => a.Id)]);
        app["growthMappingDone"] = _random.Next(12) != 0;
        app["additionality"] = _random.Next(12) != 0;
        app["exceptionJustification"] = _random.Next(2) == 0 ? null : app["exceptionJustification"]?.DeepClone() ?? Text(Field(_contract, "exceptionJustification"));
        var a = app["assessment"]!;
        a["growthAmbition"]!["horizonYears"] = _random.Next(1, 8);
        a["growthAmbition"]!["revenueGrowth"] = Pick(0.05m, 0.10m, 0.2m, 0.3m, 0.4m);
        a["growthAmbition"]!["employmentGrowth"] = Pick(0.09m, 0.10m, 0.3m, 0.2m, 0.15m);
        a["growthAmbition"]!["exportGrowth"] = Pick(0.0m, 0.10m, 0.5m, 0.2m, 0.3m);
        a["scalability"]!["valueAddedGrowth"] = Pick(0.05m, 0.10m, 0.2m);
        a["market"]!["exportShare"] = Pick(0.0m, 0.18m, 0.25m, 0.6m);
        foreach (var (path, field) in Below(Field(_contract, "assessment").Fields, ""))
        {
            if (field.Kind == FieldKind.Word)
            {
                Set(a, path, Pick(Words(Policy, field)));
            }
            else if (field.Kind == FieldKind.Bool)
            {
                Set(a, path, _random.Next(4) != 0);
            }
        }
        var total = (decimal)_random.Next(1, 2_000_000);
        app["project"]!["totalCostDkk"] = total;
        app["project"]!["ownCashDkk"] = Math.Floor(total * Pick(0.3m, 0.5m, 0.5m, 0.67m, 1m));
        app["project"]!["requestedDkk"] = _random.Next(3) == 0 ? null : (decimal?)_random.Next(0, 1_000_000);
        app["project"]!["startPackage"] = _random.Next(6) == 0;
        if (_random.Next(10) == 0)
        {
            app["project"]!["milestones"] = new JsonArray();
        }
        var grants = new JsonArray();
        var levels = Words(Policy, Field(_contract, "priorGrants", "level"));
        for (var i = _random.Next(0, 4); i > 0; i--)
        {
            // P4.5a: an earlier grant lies between founding and submission; its age band follows from the dates (left out).
            var decided = founded.AddDays(_random.Next(0, submitted.DayNumber - founded.DayNumber + 1));
            grants.Add(new JsonObject
            {
                ["decidedOn"] = Iso(decided),
                ["activity"] = Pick([.. Programme.Activities.Select(x => x.Id)]),
                ["level"] = Pick(levels),
                ["grantDkk"] = _random.Next(0, 800_000),
                ["collective"] = _random.Next(3) == 0,
                ["startPackage"] = _random.Next(5) == 0,
            });
        }
        app["priorGrants"] = grants;
        FillUndeclared(app, _contract);
        return app;
    }

    public T Pick<T>(params T[] values) => values[_random.Next(values.Length)];

    public int Roll(int max) => _random.Next(max);

    public static void Set(JsonNode root, string path, JsonNode? value)
    {
        var parts = path.Split('.');
        var node = root;
        foreach (var part in parts[..^1])
        {
            node = node[part]!;
        }
        node[parts[^1]] = value;
    }

    public static JsonNode? Get(JsonNode root, string path)
    {
        var node = root;
        foreach (var part in path.Split('.'))
        {
            node = node![part];
        }
        return node;
    }

    /// <summary>
    /// Every declared field the base application does not hold (a field added to the declaration) gets a value of its
    /// kind within its limits, in objects and in every item of an array of objects.
    /// </summary>
    private void FillUndeclared(JsonObject o, IReadOnlyList<ContractField> fields)
    {
        foreach (var field in fields)
        {
            var present = o.TryGetPropertyValue(field.Name, out var node) && node is not null;
            switch (field.Kind)
            {
                case FieldKind.Object when present && node is JsonObject inner:
                    FillUndeclared(inner, field.Fields);
                    break;
                case FieldKind.ObjectArray when present && node is JsonArray items:
                    foreach (var item in items.OfType<JsonObject>())
                    {
                        FillUndeclared(item, field.Fields);
                    }
                    break;
                default:
                    if (!present && field.Presence != Presence.Optional)
                    {
                        o[field.Name] = Value(field);
                    }
                    break;
            }
        }
    }

    /// <summary>A valid value of a declared field: its kind, within its limits, its words from the rule set.</summary>
    private JsonNode? Value(ContractField field)
    {
        switch (field.Kind)
        {
            case FieldKind.Bool:
                return _random.Next(2) == 0;
            case FieldKind.Whole:
                return decimal.Floor(field.Min + (decimal)_random.NextDouble() * (field.Max - field.Min));
            case FieldKind.Number:
                return decimal.Round(field.Min + (decimal)_random.NextDouble() * (field.Max - field.Min), 2, MidpointRounding.ToZero);
            case FieldKind.Date:
                return field.Example;
            case FieldKind.Word:
                return Pick(Words(Policy, field));
            case FieldKind.Object:
                var o = new JsonObject();
                FillUndeclared(o, field.Fields);
                return o;
            case FieldKind.ObjectArray:
                var array = new JsonArray();
                for (var i = _random.Next(0, 3); i > 0; i--)
                {
                    var item = new JsonObject();
                    FillUndeclared(item, field.Fields);
                    array.Add(item);
                }
                return array;
            default:
                return field.WordList is { } list ? Pick([.. Policy.Vocabularies[list].Words.Select(w => w.Word)]) : Text(field);
        }
    }

    private static string Text(ContractField field) => field.Example ?? field.Name;

    private string Word(string parent, string name) =>
        Pick([.. Policy.Vocabularies[Field(_contract, parent, name).WordList!].Words.Select(w => w.Word)]);

    /// <summary>
    /// A head count around the rule set's named employee thresholds (P1.2, P1.4: one below, at, and one above each) or
    /// the base application's (<paramref name="usual"/>), within the declared limits.
    /// </summary>
    private decimal EmployeeCount(ContractField field, decimal usual)
    {
        var thresholds = NamedValues("Employee").SelectMany(v => new[] { v - 1, v, v + 1 }).Where(v => v >= field.Min && v <= field.Max).ToArray();
        return _random.Next(3) == 0 || thresholds.Length == 0 ? usual : Pick(thresholds);
    }

    /// <summary>The largest whole named value of the rule set whose name holds <paramref name="part"/> (an age in years).</summary>
    private int MaxNamed(string part) => (int)NamedValues(part).DefaultIfEmpty(3).Max();

    private IEnumerable<decimal> NamedValues(string part) =>
        RuleSetCatalog.Parameters(_snapshot.Source)
            .Where(p => p.Kind == "named value" && p.RuleName.Contains(part, StringComparison.OrdinalIgnoreCase))
            .Select(p => decimal.TryParse(p.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : (decimal?)null)
            .OfType<decimal>();

    private static ContractField Field(IReadOnlyList<ContractField> fields, params string[] path)
    {
        var field = fields.Single(f => f.Name == path[0]);
        return path.Length == 1 ? field : Field(field.Fields, path[1..]);
    }

    private static IEnumerable<(string Path, ContractField Field)> Below(IReadOnlyList<ContractField> fields, string prefix) =>
        fields.SelectMany(f => f.Kind == FieldKind.Object
            ? Below(f.Fields, prefix + f.Name + ".")
            : [(prefix + f.Name, f)]);

    private static string[] Words(PolicySet policy, ContractField field) =>
        [.. policy.Enumerations.Find(field.Vocabulary!)!.Words];

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
