using Decisioning.Host.Auth;
using Microsoft.AspNetCore.Http;

namespace Decisioning.Host.Pages;

/// <summary>
/// The web pages ask for an API key once and keep it in a session cookie (HttpOnly, SameSite=Strict, so a form on
/// another site cannot post with it). A page answers with the sign-in form when there is no valid key, and says so in
/// words when the key's role is not the page's.
/// </summary>
internal static class PageAuth
{
    public const string Cookie = "decisioning-key";

    public static string? RoleOf(HttpContext context, ApiKeyRegistry keys) =>
        context.Request.Cookies.TryGetValue(Cookie, out var key) && !string.IsNullOrEmpty(key) ? keys.RoleOf(key) : null;

    /// <summary>Null when the caller has the role; else the response to send (sign-in redirect or a 403 page).</summary>
    public static IResult? Require(HttpContext context, ApiKeyRegistry keys, string role, PageText t)
    {
        var actual = RoleOf(context, keys);
        if (actual is null)
        {
            var back = context.Request.Path + context.Request.QueryString;
            return Results.Redirect($"/login?lang={t.Lang}&returnUrl={Uri.EscapeDataString(back)}");
        }
        if (actual != role)
        {
            return Results.Content(PageLayout.Page(t, t["login"], $"<p class=\"problem\" role=\"alert\">{Html.E(t["wrong-role"])} <strong>{Html.E(role)}</strong>.</p>"
                + LoginForm(t, context.Request.Path + context.Request.QueryString, null), actual), "text/html; charset=utf-8", statusCode: StatusCodes.Status403Forbidden);
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

    /// <summary>Only local paths may be returned to after sign-in.</summary>
    public static string SafeReturn(string? url) =>
        url is { Length: > 0 } && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.Contains('\\') ? url : "/";
}
