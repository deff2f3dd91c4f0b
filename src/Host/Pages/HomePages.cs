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
            var (form, refused) = await PageForm.ReadAsync(context, t, null);
            if (form is null)
            {
                return refused!;
            }
            var key = form["apiKey"].ToString().Trim();
            var back = PageAuth.SafeReturn(form["returnUrl"]);
            if (keys.RoleOf(key) is not { } role)
            {
                return Page(t, t["login"], PageAuth.LoginForm(t, back, t["bad-key"]), null, "/login", StatusCodes.Status401Unauthorized);
            }
            PageAuth.SignIn(context, role);
            return Results.Redirect(back);
        }).ExcludeFromDescription();

        routes.MapPost("/logout", async (HttpContext context, ApiKeyRegistry keys) =>
        {
            var t = new PageText("da");
            var (form, refused) = await PageForm.ReadAsync(context, t, PageAuth.RoleOf(context, keys));
            if (form is null)
            {
                return refused!;
            }
            PageAuth.SignOut(context);
            return Results.Redirect("/");
        }).ExcludeFromDescription();
    }

    /// <summary>A page as the response; its post forms get the antiforgery token (<see cref="PageHtml"/>).</summary>
    public static IResult Page(PageText t, string title, string body, string? role, string path, int status = StatusCodes.Status200OK) =>
        new PageHtml(PageLayout.Page(t, title, body, role, path), status);
}
