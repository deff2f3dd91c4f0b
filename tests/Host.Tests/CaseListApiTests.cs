using System.Net;

namespace Decisioning.Host.Tests;

/// <summary><c>GET /api/applications</c>: the case list for the committee and policy roles (the growth panel: its own cases), with bad query words refused by name.</summary>
[TestClass]
public sealed class CaseListApiTests
{
    [TestMethod]
    public async Task List_FindsACaseByCompanyName_AndFiltersByStatus()
    {
        await using var service = await ServiceUnderTest.StartAsync();
        var id = Applications.NewId("Q");
        using (var submitted = await service.SubmitAsync(Applications.Create(id, a => a["company"]!["name"] = "Søgbar Maskinfabrik ApS")))
        {
            Assert.AreEqual(HttpStatusCode.Created, submitted.StatusCode);
        }
        await service.SubmitAsync(Applications.Create(Applications.NewId("Q")));

        using var found = await service.GetAsync("/api/applications?q=s%C3%B8gbar&status=awaiting", ServiceUnderTest.PolicyKey);
        Assert.AreEqual(HttpStatusCode.OK, found.StatusCode, await found.Content.ReadAsStringAsync());
        var page = await ServiceUnderTest.JsonAsync(found);
        var cases = page["cases"]!.AsArray();
        Assert.AreEqual(1, cases.Count);
        Assert.AreEqual(id, (string?)cases[0]!["applicationId"]);
        Assert.AreEqual("Søgbar Maskinfabrik ApS", (string?)cases[0]!["companyName"]);
        Assert.IsFalse((bool)page["hasMore"]!);

        using var decided = await service.GetAsync("/api/applications?status=decided", ServiceUnderTest.CommitteeKey);
        Assert.AreEqual(0, (await ServiceUnderTest.JsonAsync(decided))["cases"]!.AsArray().Count);
        using var all = await service.GetAsync("/api/applications?sort=amount&pageSize=1", ServiceUnderTest.CommitteeKey);
        var first = await ServiceUnderTest.JsonAsync(all);
        Assert.AreEqual(1, first["cases"]!.AsArray().Count);
        Assert.IsTrue((bool)first["hasMore"]!);
    }

    [TestMethod]
    public async Task List_BadQueryWords_400NamingEach_AndAConsultant403()
    {
        await using var service = await ServiceUnderTest.StartAsync();
        using var bad = await service.GetAsync("/api/applications?status=open&sort=size&page=0&pageSize=x&q=" + new string('a', 101), ServiceUnderTest.CommitteeKey);
        await ApplicationsApiTests.AssertBadFields(bad, "$.status", "$.sort", "$.page", "$.pageSize", "$.q");
        using var consultant = await service.GetAsync("/api/applications", ServiceUnderTest.ConsultantKey);
        Assert.AreEqual(HttpStatusCode.Forbidden, consultant.StatusCode);
    }

    [TestMethod]
    public async Task List_ForThePanel_ShowsItsGrowthPanelCasesOnly_P8_2()
    {
        await using var service = await ServiceUnderTest.StartAsync();
        var panelCase = Applications.NewId("PL");
        using (var submitted = await service.SubmitAsync(Applications.LevelA(panelCase, FinalDecisionTests.NewCvr())))
        {
            Assert.AreEqual("refer-to-growth-panel", (string?)(await ServiceUnderTest.JsonAsync(submitted))["outcome"]);
        }
        var committeeCase = Applications.NewId("PL");
        await service.SubmitAsync(Applications.Create(committeeCase));

        using var panel = await service.GetAsync("/api/applications?status=awaiting", ServiceUnderTest.PanelKey);
        Assert.AreEqual(HttpStatusCode.OK, panel.StatusCode, await panel.Content.ReadAsStringAsync());
        var ids = (await ServiceUnderTest.JsonAsync(panel))["cases"]!.AsArray().Select(c => (string?)c!["applicationId"]).ToList();
        CollectionAssert.AreEqual(new[] { panelCase }, ids);

        using var search = await service.GetAsync($"/api/applications?q={committeeCase}", ServiceUnderTest.PanelKey);
        Assert.AreEqual(0, (await ServiceUnderTest.JsonAsync(search))["cases"]!.AsArray().Count, "the panel finds a committee case by its id");
        using var committee = await service.GetAsync("/api/applications", ServiceUnderTest.CommitteeKey);
        Assert.AreEqual(2, (await ServiceUnderTest.JsonAsync(committee))["cases"]!.AsArray().Count);
    }
}
