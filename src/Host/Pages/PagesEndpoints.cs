using Microsoft.AspNetCore.Routing;

namespace Decisioning.Host.Pages;

/// <summary>Maps the server-rendered web pages (no front-end build step).</summary>
public static class PagesEndpoints
{
    public static void MapPages(this IEndpointRouteBuilder routes)
    {
        routes.MapHomePages();
        routes.MapConsultantPages();
        routes.MapCommitteePages();
        routes.MapPolicyPages();
        routes.MapReportPages();
    }
}
