using System.Globalization;
using System.Text.Json.Nodes;
using Decisioning.Input;

namespace Decisioning.Tests.Support;

/// <summary>Generates varied, valid applications from a seed, for property tests over thousands of cases.</summary>
internal sealed class RandomApplications(int seed)
{
    private readonly Random _random = new(seed);

    // What is generated comes from the contract's declaration (ApplicationContract) and the rule set's words, so a new
    // enumerated or yes/no field of the assessment is generated without a change here.
    private static readonly string[] Activities = [.. TestRules.Snapshot.Policy.Programmes.Values.First().Activities.Select(a => a.Id)];
    private static readonly string[] Levels = Words(Field(ApplicationContract.Fields, "priorGrants", "level"));

    /// <summary>Every enumerated field of the assessment (path below <c>assessment</c>) with the rule set's words.</summary>
    public static readonly (string Path, string[] Words)[] Scales =
        [.. Below(Field(ApplicationContract.Fields, "assessment").Fields, "").Where(f => f.Field.Kind == FieldKind.Word).Select(f => (f.Path, Words(f.Field)))];

    /// <summary>Every yes/no field of the assessment (path below <c>assessment</c>).</summary>
    public static readonly string[] Flags =
        [.. Below(Field(ApplicationContract.Fields, "assessment").Fields, "").Where(f => f.Field.Kind == FieldKind.Bool).Select(f => f.Path)];

    private static ContractField Field(IReadOnlyList<ContractField> fields, params string[] path)
    {
        var field = fields.Single(f => f.Name == path[0]);
        return path.Length == 1 ? field : Field(field.Fields, path[1..]);
    }

    private static IEnumerable<(string Path, ContractField Field)> Below(IReadOnlyList<ContractField> fields, string prefix) =>
        fields.SelectMany(f => f.Kind == FieldKind.Object
            ? Below(f.Fields, prefix + f.Name + ".")
            : [(prefix + f.Name, f)]);

    private static string[] Words(ContractField field) =>
        [.. TestRules.Snapshot.Policy.Enumerations.Find(field.Vocabulary!)!.Words];

    public JsonObject Next(int n)
    {
        var app = Applications.Base();
        app["applicationId"] = $"GEN-{n}";
        var submitted = new DateOnly(2026, 3, 2);
        var founded = submitted.AddDays(-_random.Next(0, 365 * 8));
        app["company"]!["foundedOn"] = Iso(founded);
        app["company"]!["employees"] = Pick(2, 4, 5, 6, 23, 23, 23, 249, 250);
        app["company"]!["sector"] = Pick("manufacturing", "food", "primary", "ict");
        app["company"]!["region"] = _random.Next(10) == 0 ? "Hovedstaden" : "Midtjylland";
        app["activity"] = Activities[_random.Next(Activities.Length)];
        app["growthMappingDone"] = _random.Next(12) != 0;
        app["additionality"] = _random.Next(12) != 0;
        app["exceptionJustification"] = _random.Next(2) == 0 ? null : "Spin-out of an established exporter";
        var a = app["assessment"]!;
        a["growthAmbition"]!["horizonYears"] = _random.Next(1, 8);
        a["growthAmbition"]!["revenueGrowth"] = Pick(0.05m, 0.10m, 0.2m, 0.3m, 0.4m);
        a["growthAmbition"]!["employmentGrowth"] = Pick(0.09m, 0.10m, 0.3m, 0.2m, 0.15m);
        a["growthAmbition"]!["exportGrowth"] = Pick(0.0m, 0.10m, 0.5m, 0.2m, 0.3m);
        a["scalability"]!["valueAddedGrowth"] = Pick(0.05m, 0.10m, 0.2m);
        a["market"]!["exportShare"] = Pick(0.0m, 0.18m, 0.25m, 0.6m);
        foreach (var (path, words) in Scales)
        {
            Set(a, path, words[_random.Next(words.Length)]);
        }
        foreach (var flag in Flags)
        {
            Set(a, flag, _random.Next(4) != 0);
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
        for (var i = _random.Next(0, 4); i > 0; i--)
        {
            // P4.5a: an earlier grant lies between founding and submission; its age band follows from the dates.
            var decided = founded.AddDays(_random.Next(0, submitted.DayNumber - founded.DayNumber + 1));
            grants.Add(new JsonObject
            {
                ["decidedOn"] = Iso(decided),
                ["activity"] = Activities[_random.Next(Activities.Length)],
                ["level"] = Levels[_random.Next(3)],
                ["grantDkk"] = _random.Next(0, 800_000),
                ["collective"] = _random.Next(3) == 0,
                ["startPackage"] = _random.Next(5) == 0,
            });
        }
        app["priorGrants"] = grants;
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

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
