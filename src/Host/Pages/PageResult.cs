using Decisioning.Host.Pages.Components;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Decisioning.Host.Pages;

/// <summary>
/// A page component rendered on the server as the response (static SSR with <see cref="RazorComponentResult{TComponent}"/>):
/// the route handler does the work (authorization by its group's policy, the store, the form), the component shows it.
/// </summary>
public static class PageResult
{
    /// <summary>The component with its parameters (an anonymous object or a dictionary), with a status code.</summary>
    public static RazorComponentResult<TComponent> Of<TComponent>(object parameters, int status = StatusCodes.Status200OK)
        where TComponent : IComponent =>
        new(parameters) { StatusCode = status, ContentType = "text/html; charset=utf-8" };

    /// <summary>A page that says one thing (a refusal, a missing case).</summary>
    public static RazorComponentResult<MessagePage> Message(HttpContext context, string title, string message, int status, bool problem = true) =>
        Of<MessagePage>(new { Page = PageContext.From(context), Title = title, Message = message, Problem = problem }, status);
}
