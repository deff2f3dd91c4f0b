using System.Net;
using System.Text.Json.Nodes;
using System.Xml.Linq;

namespace Decisioning.Host.Tests;

/// <summary>The /reports page (policy role) with its SVG charts and CSV, and the case page's paid / due / remaining.</summary>
[TestClass]
public sealed class ReportPageTests
{
    [TestMethod]
    public async Task ReportPage_ShowsChartsAndFigures_AndTheCasePageShowsPaidDueRemaining()
    {
        await using var service = await ServiceUnderTest.StartAsync();
        var id = Applications.NewId("PAGE");
        await AfterGrantLifecycleTests.SubmitAndConfirm(service, AfterGrantLifecycleTests.ThreeMilestones(id, a => a["project"]!["requestedDkk"] = null), 120_000);
        for (var n = 1; n <= 3; n++)
        {
            using var reached = await service.PostAsync($"/api/applications/{id}/milestones/{n}", ServiceUnderTest.ConsultantKey, new JsonObject { ["reachedOn"] = "2026-03-01" });
            Assert.AreEqual(HttpStatusCode.Created, reached.StatusCode);
        }
        using (var released = await service.PostAsync($"/api/applications/{id}/milestones/1/release", ServiceUnderTest.CommitteeKey, new JsonObject()))
        {
            Assert.AreEqual(HttpStatusCode.OK, released.StatusCode);
        }

        var (status, page) = await Get(service, $"/committee/cases/{id}?lang=da", ServiceUnderTest.CommitteeKey);
        Assert.AreEqual(HttpStatusCode.OK, status);
        StringAssert.Contains(page, "<dd id=\"paid\">40.000 kr.</dd>");
        StringAssert.Contains(page, "<dd id=\"due\">80.000 kr.</dd>");
        StringAssert.Contains(page, "<dd id=\"remaining\">80.000 kr.</dd>");

        (status, page) = await Get(service, "/reports?from=2026-01-01&to=2026-12-31&lang=en", ServiceUnderTest.PolicyKey);
        Assert.AreEqual(HttpStatusCode.OK, status, page);
        var svgs = SvgsOf(page);
        Assert.IsTrue(svgs.Count >= 4, $"{svgs.Count} charts");
        Assert.IsTrue(svgs.All(s => s.Attribute("role")?.Value == "img" && !string.IsNullOrEmpty(s.Attribute("aria-label")?.Value)));
        StringAssert.Contains(page, "@media print");
        StringAssert.Contains(page, "<title>2026-H1: 1</title>");
        StringAssert.Contains(page, "DKK 17,780,000");

        (status, var csv) = await Get(service, "/reports.csv?from=2026-01-01&to=2026-12-31", ServiceUnderTest.PolicyKey);
        Assert.AreEqual(HttpStatusCode.OK, status);
        StringAssert.Contains(csv, "eksport-2017,2026-H1,individual-growth,1,18.3,23.3,0,120000,1,40000,120000,2.61,");

        (status, _) = await Get(service, "/reports", ServiceUnderTest.CommitteeKey);
        Assert.AreEqual(HttpStatusCode.Forbidden, status);
        (status, page) = await Get(service, "/reports?from=nope", ServiceUnderTest.PolicyKey);
        Assert.AreEqual(HttpStatusCode.BadRequest, status);
        StringAssert.Contains(page, "$.from");
    }

    /// <summary>Every svg element of the page, parsed as XML (so a chart is well-formed).</summary>
    private static List<XElement> SvgsOf(string page)
    {
        var list = new List<XElement>();
        var at = 0;
        while ((at = page.IndexOf("<svg", at, StringComparison.Ordinal)) >= 0)
        {
            var end = page.IndexOf("</svg>", at, StringComparison.Ordinal) + "</svg>".Length;
            list.Add(XElement.Parse(page[at..end]));
            at = end;
        }
        return list;
    }

    private static async Task<(HttpStatusCode Status, string Body)> Get(ServiceUnderTest service, string path, string key)
    {
        using var client = new HttpClient(new HttpClientHandler { UseCookies = true, CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
        {
            BaseAddress = service.Address,
        };
        await SignIn(client, key);
        using var response = await client.GetAsync(path);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Signs in as a browser does: the login form with its antiforgery token, then the session cookie.</summary>
    private static async Task SignIn(HttpClient client, string key)
    {
        var login = await client.GetStringAsync("/login");
        var token = System.Text.RegularExpressions.Regex.Match(login, "<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]+)\"\\s*/?>");
        Assert.IsTrue(token.Success, "the login form has an antiforgery token");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["apiKey"] = key,
            ["returnUrl"] = "/",
            [System.Net.WebUtility.HtmlDecode(token.Groups[1].Value)] = System.Net.WebUtility.HtmlDecode(token.Groups[2].Value),
        });
        using var signedIn = await client.PostAsync("/login", form);
        Assert.AreEqual(HttpStatusCode.Redirect, signedIn.StatusCode, await signedIn.Content.ReadAsStringAsync());
    }
}
