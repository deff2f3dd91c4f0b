using System.Net;

namespace Decisioning.Host.Tests.Hostile;

/// <summary>
/// Forms over the pages' limits, over HTTP: a body over the page limit, a value over the value limit, too many values
/// and over-long names are answered 413 or 400 with a page (never 500), and a committee decision whose decidedBy or
/// justification is longer than the API allows is refused the same way the API refuses it. Nothing is recorded.
/// </summary>
[TestClass]
public sealed class PageFormLimitTests
{
    private static ServiceUnderTest s_service = null!;

    [ClassInitialize]
    public static async Task StartAsync(TestContext _) => s_service = await ServiceUnderTest.StartAsync();

    [ClassCleanup]
    public static async Task StopAsync() => await s_service.DisposeAsync();

    public static IEnumerable<object[]> OverLimits =>
    [
        ["body over 1 MiB", new[] { KeyValuePair.Create("content", new string('x', 1_100_000)) }, 413],
        ["value over 256 KiB", new[] { KeyValuePair.Create("content", new string('x', 300_000)) }, 413],
        ["401 values", Enumerable.Range(0, 401).Select(i => KeyValuePair.Create($"f{i}", "v")).ToArray(), 413],
        ["name over 200 characters", new[] { KeyValuePair.Create(new string('n', 201), "v") }, 413],
    ];

    [TestMethod]
    [DynamicData(nameof(OverLimits))]
    public async Task Form_OverALimit_IsRefusedWithAPage(string what, KeyValuePair<string, string>[] fields, int status)
    {
        foreach (var (path, key) in new[] { ("/login", (string?)null), ("/policy/validate", ServiceUnderTest.PolicyKey), ("/consultant", ServiceUnderTest.ConsultantKey) })
        {
            using var client = new PageClient(s_service.Address);
            if (key is not null)
            {
                await client.SignInAsync(key);
            }
            await client.GetAsync(path == "/policy/validate" ? "/policy" : path);
            var (response, html) = await client.PostFormAsync(path, fields);
            Assert.AreEqual(status, (int)response.StatusCode, $"{what} to {path}: {html[..Math.Min(html.Length, 500)]}");
            Assert.AreEqual("text/html", response.Content.Headers.ContentType?.MediaType, $"{what} to {path}");
        }
    }

    [TestMethod]
    [DataRow("decidedBy", DisplayName = "decidedBy")]
    [DataRow("justification", DisplayName = "justification")]
    public async Task CommitteeForm_TextLongerThanTheApiTakes_IsRefused(string field)
    {
        var id = Applications.NewId("LIMIT");
        using (var submitted = await s_service.SubmitAsync(Applications.Create(id)))
        {
            Assert.AreEqual(HttpStatusCode.Created, submitted.StatusCode);
        }
        using var committee = new PageClient(s_service.Address);
        await committee.SignInAsync(ServiceUnderTest.CommitteeKey);
        await committee.GetAsync($"/committee/cases/{id}");
        var fields = new Dictionary<string, string> { ["outcome"] = "approve-reduced", ["grantDkk"] = "100.000", ["decidedBy"] = "A. Holm", ["justification"] = "Delvist finansieret andetsteds." };
        fields[field] = new string('j', 4001);

        var (response, html) = await committee.PostFormAsync($"/committee/cases/{id}/override", fields);

        Assert.AreEqual(HttpStatusCode.BadRequest, response.StatusCode, html[..Math.Min(html.Length, 500)]);
        using var decision = await s_service.GetAsync($"/api/applications/{id}/decision", ServiceUnderTest.CommitteeKey);
        Assert.AreEqual(System.Text.Json.JsonValueKind.Null, (await ServiceUnderTest.JsonAsync(decision))["final"]?.GetValueKind() ?? System.Text.Json.JsonValueKind.Null);
    }

    [TestMethod]
    public async Task ConsultantForm_CompanyNameOverTheLimit_IsRefusedNamingTheField()
    {
        using var consultant = new PageClient(s_service.Address);
        await consultant.SignInAsync(ServiceUnderTest.ConsultantKey);
        await consultant.GetAsync("/consultant");

        var (response, html) = await consultant.PostFormAsync("/consultant", [new("company.name", new string('N', 4001)), new("action", "check")]);

        Assert.AreEqual(HttpStatusCode.BadRequest, response.StatusCode);
        StringAssert.Contains(html, "må højst have 4.000 tegn", "the refusal says what the limit is, in the page's language");
        StringAssert.Contains(html, "$.company.name", "and names the field by its JSON path");
    }
}
