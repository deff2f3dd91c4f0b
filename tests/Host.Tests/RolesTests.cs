using System.Net;
using System.Text.Json.Nodes;

namespace Decisioning.Host.Tests;

/// <summary>API keys: 401 without a (known) key, 403 for another role's key, the right role gets through; health and OpenAPI for anyone.</summary>
[TestClass]
public sealed class RolesTests
{
    private static ServiceUnderTest s_service = null!;

    [ClassInitialize]
    public static async Task StartAsync(TestContext _) => s_service = await ServiceUnderTest.StartAsync();

    [ClassCleanup]
    public static async Task StopAsync() => await s_service.DisposeAsync();

    public static IEnumerable<object[]> Endpoints =>
    [
        ["POST", "/api/eligibility-checks", ServiceUnderTest.ConsultantKey],
        ["POST", "/api/applications", ServiceUnderTest.ConsultantKey],
        ["GET", "/api/applications/ANY/decision", ServiceUnderTest.CommitteeKey],
        ["POST", "/api/applications/ANY/final-decision", ServiceUnderTest.CommitteeKey],
        ["GET", "/api/applications/ANY/letter", ServiceUnderTest.CommitteeKey],
        ["GET", "/api/rulesets/current", ServiceUnderTest.PolicyKey],
        ["POST", "/api/rulesets/validate", ServiceUnderTest.PolicyKey],
    ];

    [TestMethod]
    [DynamicData(nameof(Endpoints))]
    public async Task Endpoint_WithoutKey_401Problem(string method, string path, string _)
    {
        using var response = await Send(method, path, null);
        Assert.AreEqual(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.AreEqual("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [TestMethod]
    [DynamicData(nameof(Endpoints))]
    public async Task Endpoint_WithUnknownKey_401(string method, string path, string _)
    {
        using var response = await Send(method, path, "not-a-key");
        Assert.AreEqual(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [TestMethod]
    [DynamicData(nameof(Endpoints))]
    public async Task Endpoint_WithEveryOtherRolesKey_403Problem(string method, string path, string rightKey)
    {
        foreach (var key in new[] { ServiceUnderTest.ConsultantKey, ServiceUnderTest.CommitteeKey, ServiceUnderTest.PolicyKey }.Where(k => k != rightKey))
        {
            using var response = await Send(method, path, key);
            Assert.AreEqual(HttpStatusCode.Forbidden, response.StatusCode, key);
            var problem = await ServiceUnderTest.JsonAsync(response);
            Assert.AreEqual(403, (int?)problem["status"]);
        }
    }

    [TestMethod]
    [DynamicData(nameof(Endpoints))]
    public async Task Endpoint_WithTheRightRole_IsNeither401Nor403(string method, string path, string rightKey)
    {
        using var response = await Send(method, path, rightKey);
        Assert.IsFalse(response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden, $"{response.StatusCode}");
        Assert.IsTrue((int)response.StatusCode < 500, $"{response.StatusCode}");
    }

    [TestMethod]
    public async Task Health_WithoutKey_200WithTheActiveRuleSetHash()
    {
        using var response = await s_service.GetAsync("/health", null);
        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
        var health = await ServiceUnderTest.JsonAsync(response);
        Assert.AreEqual("ok", (string?)health["status"]);
        using var current = await s_service.GetAsync("/api/rulesets/current", ServiceUnderTest.PolicyKey);
        Assert.AreEqual((string?)(await ServiceUnderTest.JsonAsync(current))["hash"], (string?)health["ruleSet"]!["hash"]);
    }

    [TestMethod]
    public async Task OpenApi_WithoutKey_DescribesEveryEndpointAndTheShapes()
    {
        using var response = await s_service.GetAsync("/openapi/v1.json", null);
        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
        var document = await ServiceUnderTest.JsonAsync(response);
        var paths = document["paths"]!.AsObject();
        foreach (var path in new[] { "/api/eligibility-checks", "/api/applications", "/api/applications/{id}/decision",
                     "/api/applications/{id}/final-decision", "/api/applications/{id}/letter", "/api/rulesets/current", "/api/rulesets/validate", "/health" })
        {
            Assert.IsTrue(paths.ContainsKey(path), path);
        }
        var schemas = document["components"]!["schemas"]!.AsObject();
        foreach (var schema in new[] { "Decision", "EligibilityCheck", "CaseDecisions", "FinalDecisionRecord", "RuleSetInfo" })
        {
            Assert.IsTrue(schemas.ContainsKey(schema), schema);
        }
        Assert.AreEqual("#/components/schemas/Application", (string?)paths["/api/applications"]!["post"]!["requestBody"]!["content"]!["application/json"]!["schema"]!["$ref"]);
        Assert.IsNotNull(schemas["Application"]!["properties"]!["company"]);
        Assert.AreEqual("X-Api-Key", (string?)document["components"]!["securitySchemes"]!["ApiKey"]!["name"]);
    }

    private static Task<HttpResponseMessage> Send(string method, string path, string? key) => method == "GET"
        ? s_service.GetAsync(path, key)
        : s_service.PostAsync(path, key, new JsonObject());
}
