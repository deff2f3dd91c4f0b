using Decisioning.Host.Pages.Components;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Decisioning.Host.Pages.Auth;

/// <summary>
/// Signed out: a redirect to the sign-in form in the page's language, returning to the page (a local path only,
/// <see cref="PageAuth.SafeReturn"/>). Signed in with another role: 403 and a page that says so in words.
/// </summary>
public sealed class PageCookieEvents : CookieAuthenticationEvents
{
    public override Task RedirectToLogin(RedirectContext<CookieAuthenticationOptions> context)
    {
        var request = context.Request;
        var lang = PageLanguage.Of(request.Query["lang"]);
        var back = PageAuth.SafeReturn(request.Path + request.QueryString);
        context.Response.Redirect($"/login?lang={lang}&returnUrl={Uri.EscapeDataString(back)}");
        return Task.CompletedTask;
    }

    public override async Task RedirectToAccessDenied(RedirectContext<CookieAuthenticationOptions> context)
    {
        var http = context.HttpContext;
        var needed = http.GetEndpoint()?.Metadata.GetMetadata<PageRoleMetadata>()?.Roles ?? [];
        http.Response.StatusCode = StatusCodes.Status403Forbidden;
        await new RazorComponentResult<ForbiddenPage>(new { Page = PageContext.From(http), Needed = needed })
        {
            StatusCode = StatusCodes.Status403Forbidden,
        }.ExecuteAsync(http);
    }
}
