using System.Text.Json.Nodes;
using Decisioning.Input;
using Decisioning.Model;

namespace Decisioning.Tests.Support;

/// <summary>Applications for tests, built from worked example 01 (established, level B, individual growth).</summary>
internal static class Applications
{
    private static readonly Lazy<string> Example01 = new(() =>
        PolicyCase.Load(Path.Combine(RepoPaths.PolicyCases, "ex01-established-level-b-approve.json")).ApplicationJson);

    /// <summary>A fresh, mutable copy of example 01's application.</summary>
    public static JsonObject Base() => JsonNode.Parse(Example01.Value)!.AsObject();

    /// <summary>A batch line: example 01 under id <c>BATCH-i</c>; a bad one has a head count that is not a number.</summary>
    public static string BatchLine(int i, bool bad = false)
    {
        var app = Base();
        app["applicationId"] = $"BATCH-{i:D5}";
        if (bad)
        {
            app["company"]!["employees"] = "many";
        }
        return app.ToJsonString();
    }

    /// <summary>Parses an application under the repository's rule set, failing the test when it is refused.</summary>
    public static Application Parse(JsonObject json, Decisioning.Policy.PolicySet? policy = null)
    {
        var result = ApplicationReader.Read(json.ToJsonString(), policy ?? TestRules.Snapshot.Policy);
        Assert.IsTrue(result.IsValid, string.Join("; ", result.Errors.Select(e => e.Path + " " + e.Message)));
        return result.Value!;
    }
}
