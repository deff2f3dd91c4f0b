using Decisioning.Host.Auth;
using Decisioning.Host.Pages.Auth;
using Decisioning.Host.Pages.Components;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;

namespace Decisioning.Host.Pages;

/// <summary>The front page and signing in and out (the page cookie scheme, <see cref="PageCookie"/>).</summary>
internal static class HomePages
{
    public static void MapHomePages(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/", (HttpContext context) => PageResult.Of<HomePage>(new { Page = PageContext.From(context) })).ExcludeFromDescription();

        routes.MapGet("/login", (HttpContext context, string? returnUrl) =>
            PageResult.Of<LoginPage>(new { Page = PageContext.From(context), ReturnUrl = PageAuth.SafeReturn(returnUrl) })).ExcludeFromDescription();

        routes.MapPost("/login", async (HttpContext context, ApiKeyRegistry keys, IStringLocalizer<PageTexts> texts) =>
        {
            var (form, refused) = await PageForm.ReadAsync(context);
            if (form is null)
            {
                return refused!;
            }
            var key = form["apiKey"].ToString().Trim();
            var back = PageAuth.SafeReturn(form["returnUrl"]);
            if (keys.RoleOf(key) is not { } role)
            {
                return PageResult.Of<LoginPage>(new { Page = PageContext.From(context), ReturnUrl = back, Error = texts["bad-key"].Value }, StatusCodes.Status401Unauthorized);
            }
            PageCookie.SignIn(context, role);
            return Results.Redirect(back);
        }).ExcludeFromDescription();

        routes.MapPost("/logout", async (HttpContext context) =>
        {
            var (form, refused) = await PageForm.ReadAsync(context);
            if (form is null)
            {
                return refused!;
            }
            await context.SignOutAsync(PageCookie.Scheme);
            return Results.Redirect(PageContext.From(context).Link("/"));
        }).ExcludeFromDescription();
    }

    /// <summary>
    /// An old-style page (a string of HTML in <see cref="PageLayout"/>) as the response; its post forms get the antiforgery
    /// token (<see cref="PageHtml"/>). Kept for the pages not yet rebuilt as components.
    /// </summary>
    public static IResult Page(PageText t, string title, string body, string? role, string path, int status = StatusCodes.Status200OK) =>
        new PageHtml(PageLayout.Page(t, title, body, role, path), status);
}
