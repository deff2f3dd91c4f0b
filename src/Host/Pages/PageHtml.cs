using System.Text;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Decisioning.Host.Pages;

/// <summary>
/// A rendered page as the response. Every <c>&lt;form method="post"&gt;</c> in it gets the antiforgery token as a
/// hidden field when it is sent, so no form can be written without one; <see cref="PageForm"/> checks it on the post.
/// Caller text is encoded before it reaches the page, so only the pages' own forms match.
/// </summary>
internal sealed class PageHtml(string html, int status) : IResult
{
    private const string PostForm = "<form method=\"post\"";

    public async Task ExecuteAsync(HttpContext context)
    {
        var body = html;
        if (body.Contains(PostForm, StringComparison.Ordinal))
        {
            var tokens = context.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(context);
            body = WithTokens(body, $"<input type=\"hidden\" name=\"{Html.E(tokens.FormFieldName)}\" value=\"{Html.E(tokens.RequestToken)}\">");
        }
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync(body, context.RequestAborted);
    }

    private static string WithTokens(string page, string field)
    {
        var sb = new StringBuilder(page.Length + 256);
        var from = 0;
        for (var at = page.IndexOf(PostForm, StringComparison.Ordinal); at >= 0; at = page.IndexOf(PostForm, from, StringComparison.Ordinal))
        {
            var end = page.IndexOf('>', at) + 1;
            sb.Append(page, from, end - from).Append(field);
            from = end;
        }
        return sb.Append(page, from, page.Length - from).ToString();
    }
}
