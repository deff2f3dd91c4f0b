using Decisioning.Host.Auth;
using Microsoft.Extensions.Time.Testing;

namespace Decisioning.Host.Tests.Hostile;

/// <summary>The server-side session table: ids are random and unguessable, sessions expire (idle and absolute), the table stays bounded.</summary>
[TestClass]
public sealed class PageSessionsTests
{
    private static readonly PageSessionOptions Options = new() { IdleTimeout = TimeSpan.FromHours(2), Lifetime = TimeSpan.FromHours(12), MaxSessions = 3 };

    [TestMethod]
    public void Session_GivesItsRole_UntilItEnds()
    {
        var sessions = new PageSessions(new FakeTimeProvider(), Options);
        var id = sessions.Start(Roles.Committee);
        Assert.AreEqual(Roles.Committee, sessions.RoleOf(id));
        Assert.IsNull(sessions.RoleOf(id + "x"));
        Assert.IsNull(sessions.RoleOf(Roles.Committee));
        sessions.End(id);
        Assert.IsNull(sessions.RoleOf(id));
    }

    [TestMethod]
    public void Session_UnusedLongerThanTheIdleTimeout_Ends()
    {
        var time = new FakeTimeProvider();
        var sessions = new PageSessions(time, Options);
        var id = sessions.Start(Roles.Policy);
        time.Advance(TimeSpan.FromMinutes(119));
        Assert.AreEqual(Roles.Policy, sessions.RoleOf(id), "used within the idle timeout");
        time.Advance(TimeSpan.FromMinutes(119));
        Assert.AreEqual(Roles.Policy, sessions.RoleOf(id), "each use starts the idle timeout again");
        time.Advance(TimeSpan.FromHours(2));
        Assert.IsNull(sessions.RoleOf(id));
    }

    [TestMethod]
    public void Session_InUse_EndsAtItsLifetime()
    {
        var time = new FakeTimeProvider();
        var sessions = new PageSessions(time, Options);
        var id = sessions.Start(Roles.Consultant);
        for (var hour = 1; hour < 12; hour++)
        {
            time.Advance(TimeSpan.FromHours(1));
            Assert.AreEqual(Roles.Consultant, sessions.RoleOf(id), $"hour {hour}");
        }
        time.Advance(TimeSpan.FromHours(1));
        Assert.IsNull(sessions.RoleOf(id));
    }

    [TestMethod]
    public void Table_IsBounded_PushingOutTheSessionIdleLongest()
    {
        var time = new FakeTimeProvider();
        var sessions = new PageSessions(time, Options);
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add(sessions.Start(Roles.Committee));
            time.Advance(TimeSpan.FromMinutes(1));
        }
        sessions.RoleOf(ids[0]);
        var newest = sessions.Start(Roles.Committee);
        Assert.AreEqual(3, sessions.Count);
        Assert.IsNull(sessions.RoleOf(ids[1]), "the session idle longest is pushed out");
        Assert.AreEqual(Roles.Committee, sessions.RoleOf(ids[0]));
        Assert.AreEqual(Roles.Committee, sessions.RoleOf(newest));
        for (var i = 0; i < 1000; i++)
        {
            sessions.Start(Roles.Committee);
        }
        Assert.AreEqual(3, sessions.Count);
    }

    [TestMethod]
    public void Ids_AreRandom256Bits()
    {
        var sessions = new PageSessions(new FakeTimeProvider(), Options with { MaxSessions = 10_000 });
        var ids = Enumerable.Range(0, 1000).Select(_ => sessions.Start(Roles.Committee)).ToList();
        Assert.AreEqual(1000, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.IsTrue(ids.All(id => id.Length == 43 && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')));
    }
}
