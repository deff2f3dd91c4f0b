using System.Text.Json;
using System.Text.Json.Nodes;
using Decisioning.Model;

namespace Decisioning.Tests.Support;

/// <summary>A policy case from <c>tests/PolicyCases/*.json</c>: an application, an optional ledger and the expected result.</summary>
internal sealed record PolicyCase(string File, string Name, string Mode, JsonObject Application, JsonArray? Ledger, JsonObject Expected)
{
    public static IEnumerable<PolicyCase> All() =>
        Directory.EnumerateFiles(RepoPaths.PolicyCases, "*.json").Order(StringComparer.Ordinal).Select(Load);

    public static PolicyCase Load(string path)
    {
        var node = JsonNode.Parse(System.IO.File.ReadAllText(path))!.AsObject();
        return new PolicyCase(
            Path.GetFileName(path),
            (string?)node["name"] ?? Path.GetFileNameWithoutExtension(path),
            (string?)node["mode"] ?? "decide",
            node["application"]!.AsObject(),
            node["ledger"]?.AsArray(),
            node["expected"]!.AsObject());
    }

    public InMemoryLedger BuildLedger() => new((Ledger ?? []).Select(e => new InMemoryLedger.Entry(
        (string)e!["cvr"]!,
        (string?)e["programme"] ?? "eksport-2017",
        new PriorGrant
        {
            DecidedOn = DateOnly.Parse((string?)e["decidedOn"] ?? "2025-01-01", System.Globalization.CultureInfo.InvariantCulture),
            Activity = (string)e["activity"]!,
            Level = (string)e["level"]!,
            AgeBand = (string)e["ageBand"]!,
            GrantDkk = (decimal)e["grantDkk"]!,
            Collective = (bool?)e["collective"] ?? false,
            StartPackage = (bool?)e["startPackage"] ?? false,
        })));

    public string ApplicationJson => Application.ToJsonString(new JsonSerializerOptions { WriteIndented = false });

    public override string ToString() => File;
}
