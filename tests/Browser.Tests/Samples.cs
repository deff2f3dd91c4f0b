using System.Text.Json.Nodes;

namespace Decisioning.Browser.Tests;

/// <summary>The sample applications of <c>samples/</c>, copied beside the tests.</summary>
internal static class Samples
{
    /// <summary>Nordlys Maskiner ApS: established, level B, individual growth, 120,000 DKK asked for and recommended.</summary>
    public const string Nordlys = "nordlys-individual-growth.json";

    /// <summary>Vestvind: level A, recommended for referral to the growth panel (P8.2).</summary>
    public const string Vestvind = "vestvind-level-a-growth-panel.json";

    /// <summary>A sample as a JSON object, with a new application id so tests never collide.</summary>
    public static JsonObject Load(string file, string applicationId)
    {
        var application = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "samples", file)))!.AsObject();
        application["applicationId"] = applicationId;
        return application;
    }
}
