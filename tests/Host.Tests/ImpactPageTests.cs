using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Decisioning.Host.Tests.Hostile;

namespace Decisioning.Host.Tests;

/// <summary>
/// The policy page's "try on every stored case" (issue 15): the change is started as a background impact job, the
/// browser is sent to its page, which refreshes itself while it runs and then shows the counts, the outcome transitions,
/// the grant totals and the changed cases by their Danish labels; cancelling, an unknown job and a bad change.
/// </summary>
[TestClass]
public sealed class ImpactPageTests
{
    private const string Caps = "rules/framework/co-financing.json";
    private static ServiceUnderTest s_service = null!;

    [ClassInitialize]
    public static async Task StartAsync(TestContext _)
    {
        s_service = await ServiceUnderTest.StartAsync();
        foreach (var i in new[] { 1, 2, 3 })
        {
            using var r = await s_service.SubmitAsync(Applications.Germany($"PAGE-G{i}", 600_000, $"7100000{i}"));
            Assert.AreEqual(HttpStatusCode.Created, r.StatusCode, await r.Content.ReadAsStringAsync());
        }
        using var e = await s_service.SubmitAsync(Applications.Create("PAGE-E1"));
        Assert.AreEqual(HttpStatusCode.Created, e.StatusCode, await e.Content.ReadAsStringAsync());
    }

    [ClassCleanup]
    public static async Task StopAsync() => await s_service.DisposeAsync();

    /// <summary>The caps file with every level cap for an established company (P4.4) cut to 10 000 DKK.</summary>
    private static string LowCaps() =>
        File.ReadAllText(Path.Combine(TestFiles.Rules, "framework", "co-financing.json"))
            .Replace("\"Expression\": \"700000\"", "\"Expression\": \"10000\"", StringComparison.Ordinal)
            .Replace("\"Expression\": \"435000\"", "\"Expression\": \"10000\"", StringComparison.Ordinal)
            .Replace("\"Expression\": \"34000\"", "\"Expression\": \"10000\"", StringComparison.Ordinal);

    private static async Task<PageClient> SignedInAsync(string key = ServiceUnderTest.PolicyKey)
    {
        var policy = new PageClient(s_service.Address);
        await policy.SignInAsync(key);
        await policy.GetAsync($"/policy?lang=da&file={Caps}");
        return policy;
    }

    /// <summary>Posts the change with the "try on every stored case" button.</summary>
    private static Task<(HttpResponseMessage Response, string Html)> TryOnAllAsync(PageClient policy, string content) =>
        policy.PostFormAsync("/policy/validate?lang=da", [new("version", "2026.12-1"), new("file", Caps), new("content", content), new("action", "all")]);

    /// <summary>Reads the job's page until it no longer asks to be refreshed; every running page shows its progress and a cancel form.</summary>
    private static async Task<string> DoneAsync(PageClient policy, string location)
    {
        for (var i = 0; i < 600; i++)
        {
            var (response, html) = await policy.GetAsync(location);
            Assert.AreEqual(HttpStatusCode.OK, response.StatusCode, html);
            if (!response.Headers.TryGetValues("Refresh", out var refresh))
            {
                Assert.IsFalse(html.Contains("<progress", StringComparison.Ordinal), "a finished job shows no progress bar");
                return html;
            }
            Assert.AreEqual("2", refresh.Single());
            StringAssert.Contains(html, "<progress id=\"impact-progress\"");
            StringAssert.Contains(html, "/cancel?lang=da\"");
            await Task.Delay(50);
        }
        Assert.Fail("the impact job did not finish within 30 s");
        return null!;
    }

    [TestMethod]
    public async Task A_change_tried_on_every_stored_case_shows_counts_grants_and_the_changed_cases_in_Danish()
    {
        using var policy = await SignedInAsync();
        Assert.IsNotNull(policy.Token, "the policy page has a form");

        var (started, body) = await TryOnAllAsync(policy, LowCaps());

        Assert.AreEqual(HttpStatusCode.SeeOther, started.StatusCode, body);
        var location = started.Headers.Location!.ToString();
        StringAssert.StartsWith(location, "/policy/impact/impact-");
        StringAssert.Contains(location, "lang=da");
        var html = await DoneAsync(policy, location);
        StringAssert.Contains(html, "Afprøvningen er færdig.");
        StringAssert.Contains(html, "<dt>Gemte sager</dt><dd>4</dd>");
        StringAssert.Contains(html, "<dt>Uændrede</dt><dd>3</dd>", "the germany cases (a collective activity, no level cap: P4.7) stay as they are");
        StringAssert.Contains(html, "<dd id=\"impact-changed\">1</dd>");
        var cases = Between(html, "id=\"impact-cases\"", "</table>");
        StringAssert.Contains(cases, ">PAGE-E1</th>");
        Assert.IsFalse(cases.Contains("PAGE-G", StringComparison.Ordinal), "the unchanged cases are not listed: " + cases);
        StringAssert.Contains(cases, "120.000 kr. → 10.000 kr.", "the grant is cut to the new cap");
        StringAssert.Contains(cases, "<td data-label=\"Udfald\">tilsagn → tilsagn om et nedsat beløb</td>", "outcomes by their Danish labels");
        var transitions = Between(html, "id=\"impact-transitions\"", "</table>");
        StringAssert.Contains(transitions, "tilsagn → tilsagn om et nedsat beløb</th>\n                            <td data-label=\"Sager\" class=\"num\">1</td>");
        Assert.IsFalse(transitions.Contains("approve", StringComparison.Ordinal) || transitions.Contains("refer", StringComparison.Ordinal),
            "outcomes by their Danish labels, not their words: " + transitions);
        StringAssert.Contains(Between(html, "id=\"impact-grant-change\"", "</dd>"), "-110.000 kr.");
    }

    [TestMethod]
    public async Task A_running_job_shows_its_progress_refreshes_itself_and_once_cancelled_says_it_was_stopped()
    {
        var jobs = s_service.Services.GetRequiredService<Decisioning.Host.Replay.ImpactJobs>();
        using var release = new ManualResetEventSlim();
        var held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        jobs.BeforeRun = (_, token) =>
        {
            held.TrySetResult();
            release.Wait(token); // until the test releases it, or the job is cancelled
        };
        try
        {
            using var policy = await SignedInAsync();
            var (started, body) = await TryOnAllAsync(policy, LowCaps());
            Assert.AreEqual(HttpStatusCode.SeeOther, started.StatusCode, body);
            await held.Task.WaitAsync(TimeSpan.FromSeconds(30));
            var location = started.Headers.Location!.ToString();
            var path = location[..location.IndexOf('?', StringComparison.Ordinal)];

            var (running, html) = await policy.GetAsync(location);
            Assert.AreEqual(HttpStatusCode.OK, running.StatusCode, html);
            Assert.AreEqual("2", running.Headers.GetValues("Refresh").Single(), "a running job's page refreshes itself every 2 s");
            StringAssert.Contains(html, "<progress id=\"impact-progress\"");
            StringAssert.Contains(html, "/cancel?lang=da\"");
            // the same caller cannot start a second run while this one runs
            var (again, busy) = await TryOnAllAsync(policy, LowCaps());
            Assert.AreEqual(HttpStatusCode.TooManyRequests, again.StatusCode, busy);

            var (cancelled, _) = await policy.PostFormAsync(path + "/cancel?lang=da", []);
            Assert.AreEqual(HttpStatusCode.SeeOther, cancelled.StatusCode);
            var end = await DoneAsync(policy, location);
            StringAssert.Contains(end, "Afprøvningen blev stoppet, før den var færdig.");
        }
        finally
        {
            jobs.BeforeRun = null;
            release.Set();
        }
    }

    [TestMethod]
    public async Task A_job_can_be_cancelled_from_its_page_and_ends_cancelled_or_done()
    {
        using var policy = await SignedInAsync();
        var (started, body) = await TryOnAllAsync(policy, LowCaps());
        Assert.AreEqual(HttpStatusCode.SeeOther, started.StatusCode, body);
        var location = started.Headers.Location!.ToString();
        var path = location[..location.IndexOf('?', StringComparison.Ordinal)];
        await policy.GetAsync(location);

        var (cancelled, html) = await policy.PostFormAsync(path + "/cancel?lang=da", []);

        Assert.AreEqual(HttpStatusCode.SeeOther, cancelled.StatusCode, html);
        Assert.AreEqual(location, cancelled.Headers.Location!.ToString());
        var end = await DoneAsync(policy, location);
        Assert.IsTrue(end.Contains("Afprøvningen blev stoppet, før den var færdig.", StringComparison.Ordinal) || end.Contains("Afprøvningen er færdig.", StringComparison.Ordinal),
            "a job cancelled while it runs says so; one that finished first stays done: " + end);

        var (noToken, refused) = await policy.PostFormAsync(path + "/cancel?lang=da", [], withToken: false);
        Assert.AreEqual(HttpStatusCode.BadRequest, noToken.StatusCode, "the cancel form needs its antiforgery token: " + refused);
    }

    [TestMethod]
    [DataRow("da", "Der er ingen afprøvning med dette nummer.")]
    [DataRow("en", "There is no run with this id.")]
    public async Task An_unknown_job_is_a_404_page_in_words(string lang, string words)
    {
        using var policy = await SignedInAsync();

        var (response, html) = await policy.GetAsync($"/policy/impact/impact-0000?lang={lang}");
        var (cancel, _) = await policy.PostFormAsync($"/policy/impact/impact-0000/cancel?lang={lang}", []);

        Assert.AreEqual(HttpStatusCode.NotFound, response.StatusCode);
        StringAssert.Contains(html, words);
        Assert.AreEqual(HttpStatusCode.NotFound, cancel.StatusCode);
    }

    [TestMethod]
    public async Task A_change_that_does_not_compile_is_refused_on_the_policy_page_and_starts_nothing()
    {
        using var policy = await SignedInAsync();

        var (response, html) = await TryOnAllAsync(policy, "{ \"WorkflowName\": ");

        Assert.AreEqual(HttpStatusCode.BadRequest, response.StatusCode, html);
        Assert.IsNull(response.Headers.Location);
        StringAssert.Contains(html, "Regelsættet er ikke gyldigt:");
        StringAssert.Contains(html, Caps);
    }

    [TestMethod]
    public async Task Another_role_cannot_see_a_job_page()
    {
        using var committee = new PageClient(s_service.Address);
        await committee.SignInAsync(ServiceUnderTest.CommitteeKey);

        var (response, _) = await committee.GetAsync("/policy/impact/impact-0000?lang=da");

        Assert.AreEqual(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private static string Between(string html, string start, string end)
    {
        var at = html.IndexOf(start, StringComparison.Ordinal);
        Assert.IsGreaterThanOrEqualTo(0, at, $"{start} is on the page: {html[..Math.Min(html.Length, 6000)]}");
        return html[at..html.IndexOf(end, at, StringComparison.Ordinal)];
    }
}
