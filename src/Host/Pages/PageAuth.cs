using Decisioning.Host.Auth;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Decisioning.Host.Pages;

/// <summary>
/// The web pages ask for an API key once and keep a server-side session (<see cref="PageSessions"/>); the cookie
/// (HttpOnly, SameSite=Strict) holds only the random session id. A page answers with the sign-in form when there is
/// no live session, and says so in words when the session's role is not the page's.
/// </summary>
internal static class PageAuth
{
    public const string Cookie = "decisioning-session";

    /// <summary>The longest return address kept; a longer one is replaced by the front page.</summary>
    public const int MaxReturnUrlLength = 2048;

    /// <summary>The role of the caller's session, or null when signed out.</summary>
    public static string? RoleOf(HttpContext context, ApiKeyRegistry keys) => Auth.PageCookie.RoleOf(context);

    /// <summary>Null when the caller has the role; else the response to send (sign-in redirect or a 403 page).</summary>
    public static IResult? Require(HttpContext context, ApiKeyRegistry keys, string role, PageText t)
    {
        var actual = RoleOf(context, keys);
        if (actual is null)
        {
            var back = context.Request.Path + context.Request.QueryString;
            return Results.Redirect($"/login?lang={t.Lang}&returnUrl={Uri.EscapeDataString(SafeReturn(back))}");
        }
        if (actual != role)
        {
            return HomePages.Page(t, t["login"], $"<p class=\"problem\" role=\"alert\">{Html.E(t["wrong-role"])} <strong>{Html.E(role)}</strong>.</p>"
                + LoginForm(t, SafeReturn(context.Request.Path + context.Request.QueryString), null), actual, "/", StatusCodes.Status403Forbidden);
        }
        return null;
    }

    /// <summary>
    /// Null when the caller has one of <paramref name="roles"/> (given in <paramref name="role"/>); else the response to
    /// send, as <see cref="Require"/>.
    /// </summary>
    public static IResult? RequireAny(HttpContext context, ApiKeyRegistry keys, IReadOnlyList<string> roles, PageText t, out string role)
    {
        role = RoleOf(context, keys) ?? "";
        return roles.Contains(role) ? null : Require(context, keys, roles[0], t);
    }

    public static string LoginForm(PageText t, string returnUrl, string? error) =>
        (error is null ? "" : $"<p class=\"problem\" role=\"alert\">{Html.E(error)}</p>")
        + $"<form method=\"post\" action=\"/login?lang={t.Lang}\"><p>{Html.E(t["login-help"])}</p>"
        + $"<input type=\"hidden\" name=\"returnUrl\" value=\"{Html.E(returnUrl)}\">"
        + $"<div class=\"field\"><label for=\"apiKey\">{Html.E(t["api-key"])}</label><input type=\"password\" id=\"apiKey\" name=\"apiKey\" autocomplete=\"current-password\" required></div>"
        + $"<button type=\"submit\">{Html.E(t["login"])}</button></form>";

    /// <summary>
    /// Only a local path is returned to after sign-in: one '/' then printable ASCII without '\', so no scheme,
    /// no host ('//' or '/\'), and nothing a browser strips or rewrites (control characters, whitespace); else "/".
    /// </summary>
    public static string SafeReturn(string? url) =>
        url is { Length: > 0 and <= MaxReturnUrlLength }
        && url[0] == '/'
        && (url.Length == 1 || url[1] is not ('/' or '\\'))
        && url.All(c => c is > ' ' and < '\u007f' and not '\\')
            ? url
            : "/";
}
