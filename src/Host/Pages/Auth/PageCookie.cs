using System.Security.Claims;
using Decisioning.Host.Auth;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Decisioning.Host.Pages.Auth;

/// <summary>
/// The pages' ASP.NET Core cookie authentication scheme: the cookie (HttpOnly, SameSite=Strict) carries only the
/// protected key of a server-side session (<see cref="PageTicketStore"/> over <see cref="PageSessions"/>), so signing out
/// ends the session on the server and a copied cookie signs nobody in afterwards. The principal has one role claim.
/// </summary>
public static class PageCookie
{
    public const string Scheme = "Pages";

    /// <summary>The scheme that picks the API key for <c>/api</c>, the page cookie for the rest.</summary>
    public const string SelectorScheme = "ApiKeyOrPages";

    public const string CookieName = "decisioning-session";

    /// <summary>The claim the cookie handler names the session key by, inside the protected cookie.</summary>
    public const string SessionKeyClaim = "Microsoft.AspNetCore.Authentication.Cookies-SessionId";

    /// <summary>A principal of the pages with its role.</summary>
    public static ClaimsPrincipal Principal(string role) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.Role, role), new Claim(ClaimTypes.Name, role)], Scheme, ClaimTypes.Name, ClaimTypes.Role));

    /// <summary>The page role of the caller (null when signed out): the role claim of the page scheme's principal.</summary>
    public static string? RoleOf(HttpContext context) =>
        context.User.Identity is { IsAuthenticated: true, AuthenticationType: Scheme } ? context.User.FindFirstValue(ClaimTypes.Role) : null;

    /// <summary>
    /// Signs in: ends the caller's earlier session (if its cookie is still valid), starts a new one for the role and
    /// sets the cookie, as the cookie handler would with its session store. Done here rather than by the handler's
    /// sign-in because the handler renews the session the request came with (keeping its key), while each sign-in must
    /// get a new session key; and the sign-in form, like every form, is checked against the caller as the page saw them.
    /// </summary>
    public static void SignIn(HttpContext context, string role)
    {
        var services = context.RequestServices;
        var options = services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(Scheme);
        var sessions = services.GetRequiredService<PageSessions>();
        if (context.Request.Cookies[CookieName] is { Length: > 0 } earlier
            && options.TicketDataFormat.Unprotect(earlier)?.Principal.FindFirst(SessionKeyClaim)?.Value is { } earlierKey)
        {
            sessions.End(earlierKey);
        }
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var key = sessions.Start(role);
        var properties = new AuthenticationProperties { IssuedUtc = now, ExpiresUtc = now + options.ExpireTimeSpan };
        var keyOnly = new ClaimsPrincipal(new ClaimsIdentity([new Claim(SessionKeyClaim, key, ClaimValueTypes.String, options.ClaimsIssuer)], options.ClaimsIssuer));
        options.CookieManager.AppendResponseCookie(context, CookieName, options.TicketDataFormat.Protect(new AuthenticationTicket(keyOnly, properties, Scheme)),
            options.Cookie.Build(context, now));
    }

    /// <summary>Cookie options: HttpOnly, SameSite=Strict, Secure over HTTPS, a browser-session cookie, the session store.</summary>
    public static void Configure(CookieAuthenticationOptions o, PageSessionOptions sessions, ITicketStore store)
    {
        o.Cookie.Name = CookieName;
        o.Cookie.HttpOnly = true;
        o.Cookie.SameSite = SameSiteMode.Strict;
        o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        o.Cookie.IsEssential = true;
        o.Cookie.Path = "/";
        o.ExpireTimeSpan = sessions.Lifetime;
        o.SlidingExpiration = false;
        o.SessionStore = store;
        o.LoginPath = "/login";
        o.ReturnUrlParameter = "returnUrl";
        o.Events = new PageCookieEvents();
    }
}
