using Decisioning.Host.Auth;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using static Decisioning.Host.Pages.Html;

namespace Decisioning.Host.Pages;

/// <summary>The front page and signing in and out.</summary>
internal static class HomePages
{
    public static void MapHomePages(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/", (HttpContext context, ApiKeyRegistry keys, string? lang) =>
        {
            var t = new PageText(lang ?? "da");
            var role = PageAuth.RoleOf(context, keys);
            var body = $"<ul><li><a href=\"/consultant?lang={t.Lang}\">{E(t["consultant"])}</a>: {E(t["check-title"])}</li>"
                + $"<li><a href=\"/committee?lang={t.Lang}\">{E(t["committee"])}</a>: {E(t["queue-title"])}</li>"
                + $"<li><a href=\"/policy?lang={t.Lang}\">{E(t["policy"])}</a>: {E(t["ruleset"])}</li></ul>"
                + (role is null ? PageAuth.LoginForm(t, "/", null) : "");
            return Page(t, t["app"], body, role, "/");
        }).ExcludeFromDescription();

        routes.MapGet("/login", (string? lang, string? returnUrl) =>
        {
            var t = new PageText(lang ?? "da");
            return Page(t, t["login"], PageAuth.LoginForm(t, PageAuth.SafeReturn(returnUrl), null), null, "/login");
        }).ExcludeFromDescription();

        routes.MapPost("/login", async (HttpContext context, ApiKeyRegistry keys, string? lang) =>
        {
            var t = new PageText(lang ?? "da");
            var form = await context.Request.ReadFormAsync();
            var key = form["apiKey"].ToString().Trim();
            var back = PageAuth.SafeReturn(form["returnUrl"]);
            if (keys.RoleOf(key) is null)
            {
                return Page(t, t["login"], PageAuth.LoginForm(t, back, t["bad-key"]), null, "/login", StatusCodes.Status401Unauthorized);
            }
            context.Response.Cookies.Append(PageAuth.Cookie, key, new CookieOptions
            {
                HttpOnly = true,
                SameSite = SameSiteMode.Strict,
                Secure = context.Request.IsHttps,
                IsEssential = true,
                Path = "/",
            });
            return Results.Redirect(back);
        }).ExcludeFromDescription().DisableAntiforgery();

        routes.MapPost("/logout", (HttpContext context) =>
        {
            context.Response.Cookies.Delete(PageAuth.Cookie, new CookieOptions { Path = "/" });
            return Results.Redirect("/");
        }).ExcludeFromDescription().DisableAntiforgery();
    }

    public static IResult Page(PageText t, string title, string body, string? role, string path, int status = StatusCodes.Status200OK) =>
        Results.Content(PageLayout.Page(t, title, body, role, path), "text/html; charset=utf-8", statusCode: status);
}
