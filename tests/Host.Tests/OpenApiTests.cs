using System.Text.Json.Nodes;

namespace Decisioning.Host.Tests;

/// <summary>
/// The OpenAPI document describes the API as it behaves: who needs a key (and the 401/403 that follow), problem
/// details with errors and correlation id, money as whole kroner, and the application schema from the contract
/// declaration with the rule set's words. <c>.ci/run</c> also lints it with redocly.
/// </summary>
[TestClass]
public sealed class OpenApiTests
{
    private static ServiceUnderTest s_service = null!;
    private static JsonObject s_document = null!;

    [ClassInitialize]
    public static async Task StartAsync(TestContext _)
    {
        s_service = await ServiceUnderTest.StartAsync();
        s_document = JsonNode.Parse(await s_service.Http.GetStringAsync("/openapi/v1.json"))!.AsObject();
    }

    [ClassCleanup]
    public static async Task StopAsync() => await s_service.DisposeAsync();

    private static IEnumerable<(string Path, string Method, JsonObject Operation)> Operations() =>
        s_document["paths"]!.AsObject().SelectMany(p => p.Value!.AsObject().Select(m => (p.Key, m.Key, m.Value!.AsObject())));

    private static JsonObject Schema(string name) => s_document["components"]!["schemas"]![name]!.AsObject();

    private static List<string> Types(JsonNode? schema) => schema?["type"] switch
    {
        JsonArray a => a.Select(t => (string)t!).Order(StringComparer.Ordinal).ToList(),
        JsonValue v => [(string)v!],
        _ => [],
    };

    [TestMethod]
    public void EveryOperation_HasAnOperationId_AndATag()
    {
        foreach (var (path, method, operation) in Operations())
        {
            Assert.IsFalse(string.IsNullOrEmpty((string?)operation["operationId"]), $"{method} {path}");
            Assert.IsNotNull(operation["tags"], $"{method} {path}");
        }
        Assert.IsTrue(s_document["tags"]!.AsArray().All(t => !string.IsNullOrEmpty((string?)t!["description"])));
    }

    [TestMethod]
    public void ProtectedOperations_NeedTheKey_AndDocument401And403_HealthNeedsNone()
    {
        Assert.IsNull(s_document["security"], "the key is not required document-wide");
        foreach (var (path, method, operation) in Operations())
        {
            var security = operation["security"]!.AsArray();
            if (path == "/health")
            {
                Assert.IsEmpty(security, "/health needs no key");
                continue;
            }
            Assert.AreEqual("ApiKey", security.Single()!.AsObject().Single().Key, $"{method} {path}");
            Assert.IsNotNull(operation["responses"]!["401"], $"{method} {path} 401");
            Assert.IsNotNull(operation["responses"]!["403"], $"{method} {path} 403");
        }
    }

    [TestMethod]
    public void ProblemDetails_HaveErrorsByPath_AndACorrelationId()
    {
        var problem = Schema("ProblemDetails")["properties"]!;
        Assert.AreEqual("string", (string?)problem["correlationId"]!["type"]);
        var error = problem["errors"]!["items"]!;
        CollectionAssert.AreEquivalent(new[] { "path", "message" }, error["required"]!.AsArray().Select(r => (string)r!).ToArray());
    }

    [TestMethod]
    public void Money_IsWholeKroner_AndNullableWhereTheDecisionLeavesItOut()
    {
        var co = Schema("CoFinancing")["properties"]!;
        CollectionAssert.AreEqual(new[] { "integer" }, Types(co["grantDkk"]));
        CollectionAssert.AreEqual(new[] { "integer", "null" }, Types(co["levelCapDkk"]));
        CollectionAssert.AreEqual(new[] { "number" }, Types(co["share"]));
        CollectionAssert.AreEqual(new[] { "integer" }, Types(Schema("Decision")["properties"]!["ageYears"]));
    }

    [TestMethod]
    public void ApplicationSchema_IsTheContract_WithTheRuleSetsWords()
    {
        var application = Schema("Application");
        var required = application["required"]!.AsArray().Select(r => (string)r!).ToList();
        CollectionAssert.IsSubsetOf(new[] { "applicationId", "company", "project", "activity" }, required);
        CollectionAssert.DoesNotContain(required, "priorGrants");
        CollectionAssert.AreEqual(new[] { "array", "null" }, Types(application["properties"]!["priorGrants"]));
        var board = application["properties"]!["assessment"]!["properties"]!["organisation"]!["properties"]!["board"]!;
        CollectionAssert.Contains(board["enum"]!.AsArray().Select(w => (string)w!).ToList(), "professional");
        var company = application["properties"]!["company"]!["properties"]!;
        CollectionAssert.Contains(company["region"]!["enum"]?.AsArray().Select(w => (string)w!).ToList() ?? [], "Midtjylland", "P1.8: the region's words come from the rule set's vocabulary");
        CollectionAssert.Contains(company["sector"]!["enum"]?.AsArray().Select(w => (string)w!).ToList() ?? [], "food", "P1.8: the sector's words come from the rule set's vocabulary");
        var check = Schema("ApplicationForCheck");
        Assert.IsNull(check["properties"]!["project"], "the eligibility check does not read the project");
        CollectionAssert.DoesNotContain(check["required"]!.AsArray().Select(r => (string)r!).ToList(), "activity");
        var eligibility = s_document["paths"]!["/api/eligibility-checks"]!["post"]!["requestBody"]!["content"]!["application/json"]!["schema"]!;
        Assert.AreEqual("#/components/schemas/ApplicationForCheck", (string?)eligibility["$ref"]);
    }
}
