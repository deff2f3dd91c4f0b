using System.Text;
using System.Text.Json.Nodes;

namespace Decisioning.Host.Tests;

/// <summary>Test applications: the worked example 01 (established, level B, 120 000 DKK approved) with changes.</summary>
internal static class Applications
{
    private static readonly string Example = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Samples", "application.json"));

    /// <summary>The example under a new id, changed by <paramref name="change"/>.</summary>
    public static JsonObject Create(string id, Action<JsonObject>? change = null)
    {
        var a = JsonNode.Parse(Example)!.AsObject();
        a["applicationId"] = id;
        change?.Invoke(a);
        return a;
    }

    /// <summary>A unique id for a test.</summary>
    public static string NewId(string prefix = "T") => $"{prefix}-{Guid.NewGuid():N}"[..20];

    /// <summary>The application for the collective activity <c>germany</c> (no caps, P4.7; budget P6.5) at a given total cost.</summary>
    public static JsonObject Germany(string id, decimal totalCostDkk, string cvr = "31415926") => Create(id, a =>
    {
        a["activity"] = "germany";
        a["company"]!["cvr"] = cvr;
        a["priorGrants"] = new JsonArray();
        var project = a["project"]!;
        project["totalCostDkk"] = totalCostDkk;
        project["ownCashDkk"] = totalCostDkk / 2;
        project["requestedDkk"] = null;
    });

    /// <summary>The example at growth level A (score 70 %): its grant is decided by the growth panel (P8.2).</summary>
    public static JsonObject LevelA(string id, string cvr) => Create(id, a =>
    {
        a["company"]!["cvr"] = cvr;
        var assessment = a["assessment"]!;
        assessment["growthAmbition"]!["horizonYears"] = 2;
        assessment["scalability"]!["businessPlan"] = "worked-through";
        assessment["scalability"]!["valueAddedGrowth"] = 0.12;
        assessment["organisation"]!["externalKnowledge"] = "systematic";
        assessment["market"]!["exportShare"] = 0.4;
        assessment["market"]!["potentialTested"] = true;
        assessment["market"]!["exportExperience"] = "established";
    });

    public static byte[] Bytes(JsonNode node) => Encoding.UTF8.GetBytes(node.ToJsonString());
}
