using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Decisioning.Host.Pages;

/// <summary>
/// Security headers on every response. Pages: a Content-Security-Policy that runs no script, loads nothing from
/// elsewhere, posts forms only to this service and frames only its own letters, and may not itself be framed. Letters
/// (any HTML answer whose path ends in <c>/letter</c>): no script, no forms, sandboxed, framed only by this service's
/// pages. Everything else (JSON, problems): nothing may run or frame it. Always nosniff and a same-origin referrer;
/// HTML is private to the browser and revalidated.
/// </summary>
internal static class SecurityHeaders
{
    public const string PagePolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; frame-src 'self'; frame-ancestors 'none'; base-uri 'none'";
    public const string LetterPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'none'; frame-ancestors 'self'; base-uri 'none'; sandbox allow-same-origin";
    public const string OtherPolicy = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; sandbox";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            Apply(context);
            return Task.CompletedTask;
        });
        return next(context);
    });

    private static void Apply(HttpContext context)
    {
        var headers = context.Response.Headers;
        var html = context.Response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) ?? false;
        var letter = html && (context.Request.Path.Value?.EndsWith("/letter", StringComparison.Ordinal) ?? false);
        headers.ContentSecurityPolicy = letter ? LetterPolicy : html ? PagePolicy : OtherPolicy;
        headers.XFrameOptions = letter ? "SAMEORIGIN" : "DENY";
        if (html)
        {
            // Private to the browser and checked again before use, but kept for the back button (antiforgery would say
            // no-store, which makes going back reload the page and lose what was typed); no shared cache keeps a page.
            headers.CacheControl = "no-cache, private";
            headers.Remove("Pragma");
        }
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "same-origin";
    }
}
