using System.Net;

namespace Decisioning.Host.Tests;

/// <summary>The decision letter over HTTP: the recommended decision's letter, in Danish or English, dated by the clock.</summary>
[TestClass]
public sealed class LettersApiTests
{
    private static ServiceUnderTest s_service = null!;

    [ClassInitialize]
    public static async Task StartAsync(TestContext _) => s_service = await ServiceUnderTest.StartAsync();

    [ClassCleanup]
    public static async Task StopAsync() => await s_service.DisposeAsync();

    [TestMethod]
    [DataRow(null, "lang=\"da\"", "120.000 kr.", "2. marts 2026")]
    [DataRow("da", "lang=\"da\"", "120.000 kr.", "2. marts 2026")]
    [DataRow("en", "lang=\"en\"", "DKK 120,000", "2 March 2026")]
    public async Task Letter_OfARecommendation_HtmlInTheLanguageAskedFor(string? lang, string htmlLang, string amount, string date)
    {
        var id = await Submitted();
        using var response = await s_service.GetAsync($"/api/applications/{id}/letter" + (lang is null ? "" : $"?lang={lang}"), ServiceUnderTest.CommitteeKey);
        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode, await response.Content.ReadAsStringAsync());
        Assert.AreEqual("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        StringAssert.Contains(html, htmlLang);
        StringAssert.Contains(html, "Nordlys Maskiner ApS");
        StringAssert.Contains(html, id);
        StringAssert.Contains(html, amount);
        StringAssert.Contains(html, date);
    }

    [TestMethod]
    public async Task Letter_AfterAConfirmingFinalDecision_DatedTheDayOfTheDecision()
    {
        var id = await Submitted();
        s_service.Time.Advance(TimeSpan.FromDays(3));
        using var final = await s_service.DecideAsync(id, new { outcome = "approve", grantDkk = 120000, decidedBy = "Anna" });
        Assert.AreEqual(HttpStatusCode.Created, final.StatusCode);
        s_service.Time.Advance(TimeSpan.FromDays(10));
        using var response = await s_service.GetAsync($"/api/applications/{id}/letter?lang=en", ServiceUnderTest.CommitteeKey);
        StringAssert.Contains(await response.Content.ReadAsStringAsync(), "5 March 2026");
    }

    [TestMethod]
    public async Task Letter_AfterAFinalDecisionThatDeparts_409()
    {
        var id = await Submitted();
        using var final = await s_service.DecideAsync(id, new { outcome = "reject", decidedBy = "Anna", justification = "No export plan." });
        Assert.AreEqual(HttpStatusCode.Created, final.StatusCode);
        using var response = await s_service.GetAsync($"/api/applications/{id}/letter", ServiceUnderTest.CommitteeKey);
        Assert.AreEqual(HttpStatusCode.Conflict, response.StatusCode);
    }

    [TestMethod]
    public async Task Letter_InAnUnknownLanguage_400NamingLang()
    {
        var id = await Submitted();
        using var response = await s_service.GetAsync($"/api/applications/{id}/letter?lang=fr", ServiceUnderTest.CommitteeKey);
        await ApplicationsApiTests.AssertBadFields(response, "lang");
    }

    [TestMethod]
    public async Task Letter_OfAnUnknownApplication_404()
    {
        using var response = await s_service.GetAsync("/api/applications/NO-SUCH/letter", ServiceUnderTest.CommitteeKey);
        Assert.AreEqual(HttpStatusCode.NotFound, response.StatusCode);
    }

    [TestMethod]
    public async Task Letter_OfADecisionMadeUnderAnEarlierRuleSet_UsesThatRuleSetsTemplates()
    {
        var rules = TestFiles.CopyOfRules();
        var settings = Path.Combine(Path.GetDirectoryName(rules)!, "templates", "letters.json");
        var id = Applications.NewId("OLD");
        string db;
        await using (var before = await ServiceUnderTest.StartAsync(rules: rules))
        {
            db = before.Db;
            using var submitted = await before.SubmitAsync(Applications.Create(id));
            Assert.AreEqual(HttpStatusCode.Created, submitted.StatusCode);
        }
        File.WriteAllText(settings, File.ReadAllText(settings).Replace("\"Åbogade 15, 8200 Aarhus N\"", "\"Nyt Torv 1, 8000 Aarhus C\"", StringComparison.Ordinal));
        await using var after = await ServiceUnderTest.StartAsync(db, rules);
        using var response = await after.GetAsync($"/api/applications/{id}/letter", ServiceUnderTest.CommitteeKey);
        var html = await response.Content.ReadAsStringAsync();
        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode, html);
        StringAssert.Contains(html, "Åbogade 15");
        Assert.IsFalse(html.Contains("Nyt Torv 1", StringComparison.Ordinal));
    }

    private static async Task<string> Submitted()
    {
        var id = Applications.NewId("L");
        using var response = await s_service.SubmitAsync(Applications.Create(id, a => a["company"]!["cvr"] = FinalDecisionTests.NewCvr()));
        Assert.AreEqual(HttpStatusCode.Created, response.StatusCode);
        return id;
    }
}
