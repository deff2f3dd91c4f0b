using System.Globalization;
using Decisioning.Host.Auth;
using Decisioning.Host.Pages.Auth;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Decisioning.Host.Pages;

/// <summary>
/// The pages' services: Razor components rendered on the server (<c>RazorComponentResult</c>), the texts
/// (<c>IStringLocalizer&lt;PageTexts&gt;</c>), the labels of machine words (<see cref="PageLabels"/>), the page cookie
/// scheme beside the API key scheme, and one authorization policy per page role.
/// </summary>
public static class PageServices
{
    /// <summary>Registers the pages; <paramref name="authentication"/> is the builder the API key scheme was added to.</summary>
    public static void AddPages(this IServiceCollection services, AuthenticationBuilder authentication, AuthorizationBuilder authorization, string apiKeyScheme)
    {
        services.AddRazorComponents();
        // Danish letters as they are (æ, ø, å), not as character references: the encoder still escapes markup.
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddLocalization();
        services.AddSingleton<PageLabels>();
        services.AddSingleton<PageTicketStore>();
        services.AddOptions<CookieAuthenticationOptions>(PageCookie.Scheme)
            .Configure<IOptions<PageSessionOptions>, PageTicketStore>((o, sessions, store) => PageCookie.Configure(o, sessions.Value, store));
        authentication.AddCookie(PageCookie.Scheme);
        // The API answers to its key, the pages to their cookie.
        authentication.AddPolicyScheme(PageCookie.SelectorScheme, null, o => o.ForwardDefaultSelector = context =>
            context.Request.Path.StartsWithSegments("/api") ? apiKeyScheme : PageCookie.Scheme);
        services.Configure<AuthenticationOptions>(o => o.DefaultScheme = PageCookie.SelectorScheme);
        PagePolicies.Add(authorization);
    }

    /// <summary>The page's language for the texts: <c>?lang=en</c> English, else Danish (the API's requests are left alone).</summary>
    public static IApplicationBuilder UsePageLanguage(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        if (!context.Request.Path.StartsWithSegments("/api"))
        {
            CultureInfo.CurrentUICulture = PageLanguage.UiCulture(PageLanguage.Of(context.Request.Query["lang"]));
        }
        return next(context);
    });
}
