using System.Globalization;
using Decisioning.Browser.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Decisioning.Browser.Tests;

/// <summary>
/// A committee member at work, in Danish and English, on a phone and a desktop: finds a decided case by the company's
/// CVR, reads it, then finds the company's waiting case and confirms it, or overrides it with an amount typed the
/// Danish way; what is recorded is exactly what was chosen. Every page and state passes <see cref="PageChecks"/>.
/// </summary>
[TestClass]
public sealed class CommitteePageTests
{
    private static ServedProgram s_served = null!;

    public TestContext TestContext { get; set; } = null!;

    [ClassInitialize]
    public static async Task StartAsync(TestContext context) => s_served = await ServedProgram.StartAsync();

    [ClassCleanup]
    public static async Task StopAsync() => await s_served.DisposeAsync();

    [TestMethod]
    [DynamicData(nameof(Viewport.LanguagesAndViewports), typeof(Viewport))]
    public async Task Member_finds_a_decided_case_by_CVR_reads_it_and_confirms_the_companys_waiting_case(string lang, string viewport)
    {
        var (cvr, decidedId, waitingId) = await CompanyWithADecidedAndAWaitingCaseAsync($"CONF-{lang}-{viewport}");
        await using var browser = await BrowserPage.OpenAsync(s_served, Viewport.Named(viewport));
        var page = browser.Page;
        await browser.SignInAsync($"/committee?lang={lang}", ServedProgram.CommitteeKey);
        await PageChecks.AssertAsync(page, TestContext, s_served, $"queue-{lang}-{viewport}");

        // Find the decided case by CVR.
        await page.Locator("#status").SelectOptionAsync("decided");
        await page.Locator("#q").FillAsync(cvr);
        await page.Locator("form[role=search] button").ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("q=" + cvr, StringComparison.Ordinal));
        var rows = page.Locator("table.queue tbody tr");
        await Expect(rows).ToHaveCountAsync(1);
        await Expect(rows).ToContainTextAsync(decidedId);
        await Expect(rows).ToContainTextAsync(lang == "da" ? "120.000 kr." : "DKK 120,000");
        await PageChecks.AssertAsync(page, TestContext, s_served, $"queue-decided-{lang}-{viewport}");
        await rows.GetByRole(AriaRole.Link, new() { Name = decidedId }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync((lang == "da" ? "Sag " : "Case ") + decidedId);
        await Expect(page.Locator("dl.final")).ToContainTextAsync("Mette Holm");
        await Expect(page.Locator("form.confirm, form.override")).ToHaveCountAsync(0);
        await Expect(page.FrameLocator("iframe.letter").Locator("body")).ToContainTextAsync("Nordlys Maskiner ApS");
        await PageChecks.AssertAsync(page, TestContext, s_served, $"case-decided-{lang}-{viewport}");

        // The company's waiting case: its history names the decided grant; confirming records the recommendation.
        await page.GotoAsync($"/committee?lang={lang}&status=awaiting&q={cvr}");
        await page.Locator("table.queue").GetByRole(AriaRole.Link, new() { Name = waitingId }).ClickAsync();
        await Expect(page.Locator("table.ledger")).ToContainTextAsync(decidedId);
        await PageChecks.AssertAsync(page, TestContext, s_served, $"case-waiting-{lang}-{viewport}");
        var recommended = (await s_served.CaseAsync(waitingId))["recommended"]!;
        await page.Locator("#confirm-decidedBy").FillAsync("Anders Juul");
        var response = await browser.PostFormAsync(page.Locator("form.confirm button[type=submit]"));
        Assert.AreEqual(200, response.Status);
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync(lang == "da" ? "Den endelige afgørelse er registreret." : "The final decision is recorded.");
        await PageChecks.AssertAsync(page, TestContext, s_served, $"case-confirmed-{lang}-{viewport}", await response.TextAsync());

        var final = (await s_served.CaseAsync(waitingId))["final"]!;
        Assert.AreEqual((string?)recommended["outcome"], (string?)final["outcome"]);
        Assert.AreEqual((decimal?)recommended["coFinancing"]!["grantDkk"], (decimal?)final["grantDkk"]);
        Assert.AreEqual("Anders Juul", (string?)final["decidedBy"]);
        Assert.IsFalse((bool?)final["departsFromRecommendation"]);
    }

    [TestMethod]
    [DynamicData(nameof(Viewport.LanguagesAndViewports), typeof(Viewport))]
    public async Task Member_overrides_with_an_amount_typed_the_Danish_way_and_exactly_that_is_recorded(string lang, string viewport)
    {
        var (_, _, waitingId) = await CompanyWithADecidedAndAWaitingCaseAsync($"OVR-{lang}-{viewport}");
        await using var browser = await BrowserPage.OpenAsync(s_served, Viewport.Named(viewport));
        var page = browser.Page;
        await browser.SignInAsync($"/committee/cases/{waitingId}?lang={lang}", ServedProgram.CommitteeKey);

        // Typed in the override form but not sent with it: no justification yet, so nothing is recorded.
        var form = page.Locator("form.override");
        await form.Locator("#outcome").SelectOptionAsync("approve-reduced");
        await form.Locator("#grantDkk").FillAsync("50.000");
        await form.Locator("#decidedBy").FillAsync("Mette Holm");
        var refused = await browser.PostFormAsync(form.Locator("button[type=submit]"));
        Assert.AreEqual(400, refused.Status);
        await Expect(page.Locator("#justification-error")).ToBeVisibleAsync();
        await Expect(page.Locator("#grantDkk")).ToHaveValueAsync("50.000");
        await PageChecks.AssertAsync(page, TestContext, s_served, $"override-refused-{lang}-{viewport}", await refused.TextAsync());
        Assert.IsNull((await s_served.CaseAsync(waitingId))["final"]);

        // The confirm form's name field stays empty and its button unpressed: only the override is sent.
        const string Why = "Markedsanalysen for Norge er delvist betalt af en anden ordning.";
        await page.Locator("#justification").FillAsync(Why);
        var recorded = await browser.PostFormAsync(page.Locator("form.override button[type=submit]"));
        Assert.AreEqual(200, recorded.Status);
        await Expect(page.Locator("dl.final")).ToContainTextAsync(lang == "da" ? "50.000 kr." : "DKK 50,000");
        await Expect(page.Locator("dl.final")).ToContainTextAsync(Why);
        await PageChecks.AssertAsync(page, TestContext, s_served, $"override-recorded-{lang}-{viewport}", await recorded.TextAsync());

        var final = (await s_served.CaseAsync(waitingId))["final"]!;
        Assert.AreEqual("approve-reduced", (string?)final["outcome"]);
        Assert.AreEqual(50000m, (decimal?)final["grantDkk"]);
        Assert.AreEqual("Mette Holm", (string?)final["decidedBy"]);
        Assert.AreEqual(Why, (string?)final["justification"]);
    }

    [TestMethod]
    public async Task Override_refuses_an_amount_with_ore_naming_the_field_and_records_nothing()
    {
        var (_, _, waitingId) = await CompanyWithADecidedAndAWaitingCaseAsync("ORE");
        await using var browser = await BrowserPage.OpenAsync(s_served);
        var page = browser.Page;
        await browser.SignInAsync($"/committee/cases/{waitingId}", ServedProgram.CommitteeKey);
        await page.Locator("#outcome").SelectOptionAsync("approve-reduced");
        await page.Locator("#grantDkk").FillAsync("50,5");
        await page.Locator("#justification").FillAsync("Delvist betalt andetsteds.");
        await page.Locator("#decidedBy").FillAsync("Mette Holm");
        var refused = await browser.PostFormAsync(page.Locator("form.override button[type=submit]"));
        Assert.AreEqual(400, refused.Status);
        await Expect(page.Locator("#grantDkk-error")).ToContainTextAsync("50.000");
        await Expect(page.Locator("#grantDkk")).ToHaveAttributeAsync("aria-invalid", "true");
        Assert.IsNull((await s_served.CaseAsync(waitingId))["final"]);
    }

    [TestMethod]
    [DataRow("da", "Virksomheden ligger i Region Nordjylland.")]
    [DataRow("en", "The company is located in")]
    public async Task Reasons_are_in_the_pages_language_worded_as_in_the_letter(string lang, string reason)
    {
        var application = Samples.Load(Samples.Nordlys, $"BRW-REASON-{lang}");
        application["company"]!["region"] = "Nordjylland";
        await s_served.SubmitAsync(application);
        await using var browser = await BrowserPage.OpenAsync(s_served);
        var page = browser.Page;
        await browser.SignInAsync($"/committee/cases/BRW-REASON-{lang}?lang={lang}", ServedProgram.CommitteeKey);

        var reasons = page.Locator("ul.reasons");
        await Expect(reasons).ToContainTextAsync("P1.1: " + reason);
        await Expect(page.FrameLocator("iframe.letter").Locator("body")).ToContainTextAsync(reason);
        await Expect(reasons).Not.ToContainTextAsync(lang == "da" ? "The company" : "Virksomheden");
        await PageChecks.AssertAsync(page, TestContext, s_served, $"reasons-{lang}");
    }

    [TestMethod]
    [DataRow("da", "status=bogus&q=x", "status", "Vælg en status på listen.")]
    [DataRow("en", "sort=cheapest", "sort", "Choose an order from the list.")]
    [DataRow("da", "page=0", "page", "Sidetallet findes ikke.")]
    public async Task Queue_with_a_bad_query_word_answers_400_naming_the_field(string lang, string query, string field, string error)
    {
        await using var browser = await BrowserPage.OpenAsync(s_served, Viewport.Phone);
        var page = browser.Page;
        await browser.SignInAsync($"/committee?lang={lang}", ServedProgram.CommitteeKey);
        var response = await page.GotoAsync($"/committee?lang={lang}&{query}");
        Assert.AreEqual(400, response!.Status);
        var alert = page.GetByRole(AriaRole.Alert);
        await Expect(alert).ToContainTextAsync(error);
        await Expect(alert.Locator("a")).ToHaveAttributeAsync("href", "#" + field);
        await PageChecks.AssertAsync(page, TestContext, s_served, $"queue-bad-{field}-{lang}", await response.TextAsync());
    }

    [TestMethod]
    public async Task Queue_pages_through_a_companys_cases_largest_amount_first()
    {
        var cvr = Random.Shared.Next(10_000_000, 99_999_999).ToString(CultureInfo.InvariantCulture);
        foreach (var (id, requested) in new[] { ("BRW-PAGE-1", 90000m), ("BRW-PAGE-2", 120000m), ("BRW-PAGE-3", 100000m) })
        {
            var application = Samples.Load(Samples.Nordlys, id);
            application["company"]!["cvr"] = cvr;
            application["project"]!["requestedDkk"] = requested;
            Assert.AreEqual(requested, (decimal?)(await s_served.SubmitAsync(application))["coFinancing"]!["grantDkk"]);
        }
        await using var browser = await BrowserPage.OpenAsync(s_served, Viewport.Phone);
        var page = browser.Page;
        await browser.SignInAsync($"/committee?lang=da&status=all&q={cvr}&sort=amount&pageSize=1", ServedProgram.CommitteeKey);

        var seen = new List<string>();
        for (var n = 1; n <= 3; n++)
        {
            var rows = page.Locator("table.queue tbody tr");
            await Expect(rows).ToHaveCountAsync(1);
            seen.Add(await rows.Locator("th a").InnerTextAsync());
            await PageChecks.AssertAsync(page, TestContext, s_served, $"queue-page-{n}");
            if (n < 3)
            {
                await page.GetByRole(AriaRole.Link, new() { Name = "Næste" }).ClickAsync();
                await page.WaitForURLAsync(url => url.Contains($"page={n + 1}", StringComparison.Ordinal));
            }
        }
        CollectionAssert.AreEqual(new[] { "BRW-PAGE-2", "BRW-PAGE-3", "BRW-PAGE-1" }, seen);
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Næste" })).ToHaveCountAsync(0);
    }

    /// <summary>A company (its own CVR) with one case decided through the API and one waiting; returns the CVR and both ids.</summary>
    private static async Task<(string Cvr, string DecidedId, string WaitingId)> CompanyWithADecidedAndAWaitingCaseAsync(string tag)
    {
        var cvr = Random.Shared.Next(10_000_000, 99_999_999).ToString(CultureInfo.InvariantCulture);
        var decided = Samples.Load(Samples.Nordlys, $"BRW-{tag}-1");
        decided["company"]!["cvr"] = cvr;
        await s_served.SubmitAsync(decided);
        var (status, body) = await s_served.RecordFinalAsync($"BRW-{tag}-1", "approve", 120000, "Mette Holm");
        Assert.AreEqual(System.Net.HttpStatusCode.Created, status, body);
        var waiting = Samples.Load(Samples.Nordlys, $"BRW-{tag}-2");
        waiting["company"]!["cvr"] = cvr;
        await s_served.SubmitAsync(waiting);
        return (cvr, $"BRW-{tag}-1", $"BRW-{tag}-2");
    }
}
