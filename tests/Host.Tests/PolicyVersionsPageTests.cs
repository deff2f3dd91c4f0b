using System.Net;
using Decisioning.Host.Tests.Hostile;

namespace Decisioning.Host.Tests;

/// <summary>
/// The policy page's versions over time (P10.2): a version staged in <c>rules/versions/2027-01-01/</c> with another level
/// B cap is listed as staged, and the parameter that differs is shown old → new, its rule's words by their labels.
/// </summary>
[TestClass]
public sealed class PolicyVersionsPageTests
{
    [TestMethod]
    public async Task A_trial_change_is_made_to_the_version_chosen_staged_or_in_force_P10_2()
    {
        var rules = RuleSetVersionsTests.StagedRules();
        await using var service = await ServiceUnderTest.StartAsync(rules: rules);
        using var policy = new PageClient(service.Address);
        await policy.SignInAsync(ServiceUnderTest.PolicyKey);
        const string file = "rules/framework/co-financing.json";

        var (_, inForce) = await policy.GetAsync($"/policy?lang=en&file={file}");
        var (_, staged) = await policy.GetAsync($"/policy?lang=en&version=2027.01-1&file={file}");

        StringAssert.Contains(Between(inForce, "<textarea", "</textarea>"), "&quot;Expression&quot;: &quot;435000&quot;");
        StringAssert.Contains(Between(staged, "<textarea", "</textarea>"), "&quot;Expression&quot;: &quot;500000&quot;");
        StringAssert.Contains(Between(staged, "id=\"trial-version\"", "</select>"), "<option value=\"2027.01-1\" selected>");

        var text = File.ReadAllText(Path.Combine(rules, "versions", "2027-01-01", "framework", "co-financing.json")).Replace("\"Expression\": \"500000\"", "\"Expression\": \"510000\"", StringComparison.Ordinal);
        var (tried, result) = await policy.PostFormAsync("/policy/validate?lang=en", [new("version", "2027.01-1"), new("file", file), new("content", text), new("action", "try")]);
        Assert.AreEqual(HttpStatusCode.OK, tried.StatusCode, result);
        StringAssert.Contains(Between(result, "id=\"trial-valid\"", "</div>"), "2027.01-1", "the candidate is the staged version changed, not the one in force");

        var (unknown, refused) = await policy.PostFormAsync("/policy/validate?lang=en", [new("version", "1999.01-1"), new("file", file), new("content", text), new("action", "try")]);
        Assert.AreEqual(HttpStatusCode.BadRequest, unknown.StatusCode);
        StringAssert.Contains(refused, "href=\"#trial-version\"");
        StringAssert.Contains(refused, "2026.12-1, 2027.01-1");
    }

    [TestMethod]
    [DataRow("da", "kommende", "Ændringer fra 2026.12-1 til 2027.01-1", "etableret virksomhed")]
    [DataRow("en", "staged", "Changes from 2026.12-1 to 2027.01-1", "established company")]
    public async Task A_staged_version_is_listed_and_its_changed_cap_is_shown_old_to_new(string lang, string state, string caption, string ageBand)
    {
        var rules = RuleSetVersionsTests.StagedRules();
        await using var service = await ServiceUnderTest.StartAsync(rules: rules);
        using var policy = new PageClient(service.Address);
        await policy.SignInAsync(ServiceUnderTest.PolicyKey);

        var (response, html) = await policy.GetAsync($"/policy?lang={lang}");

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
        var versions = Between(html, "id=\"version-table\"", "</table>");
        StringAssert.Contains(versions, "2027.01-1");
        StringAssert.Contains(versions, $">{state}</td>");
        var diff = Between(html[html.IndexOf("id=\"version-table\"", StringComparison.Ordinal)..], "id=\"version-diff\"", "</table>");
        StringAssert.Contains(diff, $"<caption>{caption}</caption>");
        Assert.AreEqual(1, diff.Split("<tr>").Length - 2, "one changed parameter (the header row and it): " + diff);
        StringAssert.Contains(diff, "<code>435000 when ");
        StringAssert.Contains(diff, "<code>500000 when ");
        StringAssert.Contains(diff, ageBand, "the rule's age band by its label, not its word");
        Assert.IsFalse(diff.Contains("established</td>", StringComparison.Ordinal), diff);
    }

    private static string Between(string html, string start, string end)
    {
        var at = html.IndexOf(start, StringComparison.Ordinal);
        Assert.IsGreaterThanOrEqualTo(0, at, $"{start} is on the page: {html[..Math.Min(html.Length, 4000)]}");
        return html[at..html.IndexOf(end, at, StringComparison.Ordinal)];
    }
}
