using Microsoft.Extensions.DependencyInjection;
using System.Net;

namespace Decisioning.Host.Tests;

/// <summary>
/// The letter over HTTP: until a final decision the recommendation's letter marked as a draft, dated by the clock; then
/// the final letter as it was stored when the decision was recorded, dated that day.
/// </summary>
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
    public async Task Letter_BeforeAFinalDecision_IsTheRecommendationsLetter_MarkedAsADraft()
    {
        var id = await Submitted();
        using var response = await s_service.GetAsync($"/api/applications/{id}/letter", ServiceUnderTest.CommitteeKey);
        var html = await response.Content.ReadAsStringAsync();
        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode, html);
        StringAssert.Contains(html, "class=\"draft\"");
        StringAssert.Contains(html, "Udkast");
    }

    [TestMethod]
    public async Task Letter_AfterAnOverride_IsTheFinalLetter_StatingTheDecisionAndTheJustification()
    {
        var id = await Submitted();
        using var final = await s_service.DecideAsync(id, new { outcome = "reject", decidedBy = "Anna", justification = "Ingen eksportplan for Norge." });
        Assert.AreEqual(HttpStatusCode.Created, final.StatusCode);
        using var response = await s_service.GetAsync($"/api/applications/{id}/letter", ServiceUnderTest.CommitteeKey);
        var html = await response.Content.ReadAsStringAsync();
        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode, html);
        StringAssert.Contains(html, "<h1>Afslag på medfinansiering</h1>");
        StringAssert.Contains(html, "Ingen eksportplan for Norge.");
        StringAssert.Contains(html, "har udøvet sit skøn");
        Assert.IsFalse(html.Contains("class=\"draft\"", StringComparison.Ordinal), "a final letter is marked as a draft");
    }

    [TestMethod]
    public async Task FinalLetter_IsStoredWithTheDecision_ServedByteForByte_AndItsHashIsInTheAuditTrail()
    {
        var id = await Submitted();
        using var final = await s_service.DecideAsync(id, new { outcome = "approve", grantDkk = 120000, decidedBy = "Anna" });
        Assert.AreEqual(HttpStatusCode.Created, final.StatusCode);
        var record = s_service.Store.FindFinalDecision(id)!;
        Assert.IsNotNull(record.Letters);
        CollectionAssert.AreEquivalent(new[] { "da", "en" }, record.Letters.Select(l => l.Lang).ToArray());
        foreach (var letter in record.Letters)
        {
            Assert.AreEqual("sha256:" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(ServiceUnderTest.Utf8(letter.Html))), letter.Sha256);
            s_service.Time.Advance(TimeSpan.FromDays(40)); // served later: still the letter as sent, dated the day of the decision
            using var response = await s_service.GetAsync($"/api/applications/{id}/letter?lang={letter.Lang}", ServiceUnderTest.CommitteeKey);
            CollectionAssert.AreEqual(ServiceUnderTest.Utf8(letter.Html), await response.Content.ReadAsByteArrayAsync());
        }
        Assert.IsTrue(s_service.Store.VerifyAudit().Valid, "the audit trail does not verify");
        // the record (letters and their hashes included) is what the audit entry of the final decision hashes
        var decision = await ServiceUnderTest.JsonAsync(await s_service.GetAsync($"/api/applications/{id}/decision", ServiceUnderTest.CommitteeKey));
        Assert.AreEqual(record.Letters[0].Sha256, (string?)decision["final"]!["letters"]![0]!["sha256"]);
    }

    [TestMethod]
    public async Task FinalLetter_IsReproduced_FromTheStoredDecisionUnderItsRuleSet()
    {
        var id = await Submitted();
        using var final = await s_service.DecideAsync(id, new { outcome = "approve-reduced", grantDkk = 100000, decidedBy = "Anna", justification = "Dele af analysen findes allerede." });
        Assert.AreEqual(HttpStatusCode.Created, final.StatusCode);
        var store = s_service.Store;
        var record = store.FindFinalDecision(id)!;
        var recommendation = store.FindRecommendation(id)!;
        var snapshot = s_service.Services.GetRequiredService<Decisioning.Host.Hosting.RuleSetSnapshots>().For(recommendation.RuleSetHash);
        foreach (var sent in record.Letters!)
        {
            var again = Decisioning.Host.Apis.CaseLetters.Render(snapshot, store.FindApplication(id)!, recommendation, store.Ledger.AsOf(recommendation.LedgerVersion), sent.Lang,
                Decisioning.Host.Apis.CaseLetters.Day(record.DecidedAt, s_service.Time),
                Decisioning.Host.Apis.CaseLetters.Final(record, recommendation.Decision, s_service.Time));
            Assert.AreEqual(sent.Html, again, $"the {sent.Lang} letter is not reproduced from the stored decision");
        }
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
