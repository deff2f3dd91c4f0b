using Decisioning.Host.Auth;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Decisioning.Host.Pages.Auth;

/// <summary>
/// The cookie scheme's session store over <see cref="PageSessions"/>: a sign-in starts a session (a random 256-bit key,
/// held hashed with the role), sign-out ends it, and a ticket is rebuilt from the live session's role, so idle and
/// lifetime limits and revocation are the server's.
/// </summary>
public sealed class PageTicketStore(PageSessions sessions) : ITicketStore
{
    public Task<string> StoreAsync(AuthenticationTicket ticket) =>
        Task.FromResult(sessions.Start(ticket.Principal.FindFirst(System.Security.Claims.ClaimTypes.Role)?.Value ?? ""));

    /// <summary>The session keeps its role; nothing to renew (the session's own idle time is refreshed on every use).</summary>
    public Task RenewAsync(string key, AuthenticationTicket ticket) => Task.CompletedTask;

    public Task<AuthenticationTicket?> RetrieveAsync(string key) =>
        Task.FromResult(sessions.RoleOf(key) is { Length: > 0 } role
            ? new AuthenticationTicket(PageCookie.Principal(role), PageCookie.Scheme)
            : null);

    public Task RemoveAsync(string key)
    {
        sessions.End(key);
        return Task.CompletedTask;
    }
}
