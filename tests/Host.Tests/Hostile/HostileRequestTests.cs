using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Decisioning.Host.Auth;

namespace Decisioning.Host.Tests.Hostile;

/// <summary>
/// Every hostile request body in <c>tests/Hostile/requests/</c>, sent over HTTP with its role's key: each is answered
/// with the expected status (400 naming exactly the expected JSON paths, 413, or a success at a boundary), never a 500,
/// and afterwards the service still answers and still stores a good application.
/// </summary>
[TestClass]
public sealed class HostileRequestTests
{
    private const string StoredId = "HOSTILE-STORED-1";
    private static ServiceUnderTest s_service = null!;

    [ClassInitialize]
    public static async Task StartAsync(TestContext _)
    {
        s_service = await ServiceUnderTest.StartAsync();
        using var stored = await s_service.SubmitAsync(Applications.Create(StoredId));
        Assert.AreEqual(HttpStatusCode.Created, stored.StatusCode, await stored.Content.ReadAsStringAsync());
    }

    [ClassCleanup]
    public static async Task StopAsync() => await s_service.DisposeAsync();

    public static IEnumerable<object[]> Cases => HostileRequestCase.All();

    [TestMethod]
    [DynamicData(nameof(Cases))]
    public async Task HostileRequest_IsAnsweredAsExpected_AndTheServiceStillWrites(string name)
    {
        var hostile = HostileRequestCase.Load(name);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        using var request = new HttpRequestMessage(hostile.Method, hostile.Target(StoredId));
        var body = hostile.Body(Applications.NewId("H"));
        request.Content = hostile.Chunked ? new ChunkedContent(body) : new ByteArrayContent(body);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        // A large body waits for the server's go-ahead, as curl does: a refusal by length then arrives before the body is sent.
        request.Headers.ExpectContinue = body.Length > 1 << 20;
        if (KeyOf(hostile.Role) is { } key)
        {
            request.Headers.Add(ApiKeyAuthenticationHandler.Header, key);
        }

        using var response = await s_service.Http.SendAsync(request, timeout.Token);
        var text = await response.Content.ReadAsStringAsync(timeout.Token);
        var shown = text.Length > 2000 ? text[..2000] + "…" : text;
        Assert.AreEqual(hostile.ExpectedStatus, (int)response.StatusCode, $"{name} ({hostile.Category}): {shown}");
        if (hostile.ExpectedStatus >= 400)
        {
            Assert.AreEqual("application/problem+json", response.Content.Headers.ContentType?.MediaType, shown);
        }
        if (hostile.ExpectedPaths is { } expected)
        {
            var named = JsonNode.Parse(text)!["errors"]?.AsArray().Select(e => (string)e!["path"]!).Distinct().Order(StringComparer.Ordinal).ToList() ?? [];
            CollectionAssert.AreEqual(expected.Order(StringComparer.Ordinal).ToList(), named, $"{name}: the paths named: {shown}");
        }

        using var health = await s_service.Http.GetAsync("/health", timeout.Token);
        Assert.AreEqual(HttpStatusCode.OK, health.StatusCode, $"after {name}: {await health.Content.ReadAsStringAsync(timeout.Token)}");
        using var good = await s_service.SubmitAsync(Applications.Create(Applications.NewId("G")));
        Assert.AreEqual(HttpStatusCode.Created, good.StatusCode, $"after {name} a good application is no longer stored: {await good.Content.ReadAsStringAsync(timeout.Token)}");
    }

    private static string? KeyOf(string? role) => role switch
    {
        Roles.Consultant => ServiceUnderTest.ConsultantKey,
        Roles.Committee => ServiceUnderTest.CommitteeKey,
        Roles.Policy => ServiceUnderTest.PolicyKey,
        _ => null,
    };
}
