using Decisioning.Host.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace Decisioning.Host.Pages.Auth;

/// <summary>
/// One authorization policy per page role (<c>page-consultant</c>, <c>page-committee</c>, <c>page-panel</c>,
/// <c>page-policy</c>) on the page cookie scheme, and the decision bodies' policy (committee or growth panel) of the
/// committee's pages. <see cref="Group"/> makes a page route group that requires one.
/// </summary>
public static class PagePolicies
{
    /// <summary>The committee's pages: the grant committee or the growth panel (P8.1, P8.2).</summary>
    public const string DecisionBody = "page-decision-body";

    public static string For(string role) => "page-" + role;

    public static void Add(AuthorizationBuilder authorization)
    {
        foreach (var role in Roles.All)
        {
            authorization.AddPolicy(For(role), p => p.AddAuthenticationSchemes(PageCookie.Scheme).RequireRole(role));
        }
        authorization.AddPolicy(DecisionBody, p => p.AddAuthenticationSchemes(PageCookie.Scheme).RequireRole(Roles.DecisionBodies));
    }

    /// <summary>A route group of pages for one role (or the decision bodies), signed-out callers sent to sign in.</summary>
    public static RouteGroupBuilder Group(IEndpointRouteBuilder routes, string prefix, params string[] roles)
    {
        var policy = roles.Length == 1 ? For(roles[0]) : roles.Order().SequenceEqual(Roles.DecisionBodies.Order()) ? DecisionBody
            : throw new ArgumentException("a page group admits one role or the decision bodies", nameof(roles));
        var group = routes.MapGroup(prefix).RequireAuthorization(policy).ExcludeFromDescription();
        group.WithMetadata(new PageRoleMetadata(roles));
        return group;
    }
}
