using Decisioning.Host.Pages.Consultant;
using Decisioning.Host.Pages.Policy;
using Decisioning.Host.Pages.Reports;
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
