using Decisioning.Host.Apis;
using Decisioning.Host.Auth;
using Decisioning.Host.Pages;
using Decisioning.Host.Store;
using Decisioning.Output;
using Decisioning.Rules;
using Decisioning.Rules.Versions;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;

namespace Decisioning.Host.Hosting;

/// <summary>
/// The hosted service behind <c>decisioning serve</c>: the rule set holder, the case store, API-key roles, problem
/// details for every error, the OpenAPI document and the endpoint groups of <c>Apis/</c>.
/// </summary>
public static class DecisioningApp
{
    /// <summary>A builder with every service registered; tests replace some (the clock) before <see cref="Build"/>.</summary>
    public static WebApplicationBuilder CreateBuilder(ServeSettings settings)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [], ApplicationName = typeof(DecisioningApp).Assembly.GetName().Name });
        builder.Configuration.AddInMemoryCollection(settings.ToConfiguration());
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            // Before any endpoint runs (issue 9): no body over the largest an endpoint takes (each endpoint takes less:
            // RequestBodyLimits, PageForm), and the request line and headers within Kestrel's limits, named here.
            kestrel.Limits.MaxRequestBodySize = RequestBodyLimits.LargestBody;
            kestrel.Limits.MaxRequestLineSize = 8 * 1024;
            kestrel.Limits.MaxRequestHeadersTotalSize = 32 * 1024;
            kestrel.Limits.MaxRequestHeaderCount = 100;
        });
        var services = builder.Services;
        services.AddOptions<StoreOptions>().BindConfiguration(StoreOptions.Section);
        services.AddOptions<RuleSetOptions>().BindConfiguration(RuleSetOptions.Section);
        services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.Section);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp =>
        {
            var o = sp.GetRequiredService<IOptions<RuleSetOptions>>().Value;
            return RuleSetTimeline.Load(o.RulesDir, o.TemplatesDir, sp.GetRequiredService<TimeProvider>(), forced: !o.Timeline);
        });
        services.AddSingleton(sp => sp.GetRequiredService<RuleSetTimeline>().Base);
        services.AddSingleton(sp => CaseStores.Open(
            sp.GetRequiredService<IOptions<StoreOptions>>().Value,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILoggerFactory>().CreateLogger<ICaseStore>()));
        services.AddSingleton<RuleSetSnapshots>();
        services.AddSingleton(sp => new RuleSetValidator(
            sp.GetRequiredService<ICaseStore>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<RuleSetValidator>>())
        {
            Timeline = sp.GetRequiredService<RuleSetTimeline>(), // impact per version (P10.2)
        });
        services.AddSingleton(sp => new Replay.ImpactJobs(
            sp.GetRequiredService<ICaseStore>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<Replay.ImpactJobs>>())
        {
            Timeline = sp.GetRequiredService<RuleSetTimeline>(), // impact per version (P10.2)
        });
        services.AddSingleton(sp => new ApiKeyRegistry(sp.GetRequiredService<IOptions<AuthOptions>>().Value.ApiKeys));
        services.AddOptions<PageSessionOptions>().BindConfiguration(PageSessionOptions.Section);
        services.AddSingleton(sp => new PageSessions(sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<IOptions<PageSessionOptions>>().Value));
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "decisioning-antiforgery";
            o.Cookie.SameSite = SameSiteMode.Strict;
        });
        services.AddSingleton<CaseService>();
        services.AddSingleton<RuleSetActivationWatermark>();
        services.AddHostedService<RuleSetActivationRecorder>();
        services.AddHostedService<RuleSetWatchService>();
        services.AddHostedService<RuleSetActivationFollower>();

        services.AddProblemDetails(o => o.CustomizeProblemDetails = c => c.ProblemDetails.Extensions["correlationId"] = c.HttpContext.TraceIdentifier);
        services.AddExceptionHandler<FaultHandler>();
        var authentication = services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        var authorization = services.AddAuthorizationBuilder();
        foreach (var role in Roles.All)
        {
            authorization.AddPolicy(role, p => p.RequireRole(role));
        }
        services.AddPages(authentication, authorization, ApiKeyAuthenticationHandler.SchemeName);
        services.ConfigureHttpJsonOptions(o => UseContractJson(o.SerializerOptions));
        services.AddOpenApi(OpenApiDocumentation.Configure);
        return builder;
    }

    /// <summary>
    /// Builds the application and opens what it cannot run without (rule set, store, keys), so a bad rule set, a locked
    /// or damaged database fails here with a clear error, before anything listens.
    /// </summary>
    public static WebApplication Build(WebApplicationBuilder builder)
    {
        var app = builder.Build();
        app.Services.GetRequiredService<RuleSetTimeline>();
        app.Services.GetRequiredService<ICaseStore>();
        app.Services.GetRequiredService<ApiKeyRegistry>();

        app.UseSecurityHeaders();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UsePageLanguage();
        app.UseAuthentication();
        app.UseAuthorization();

        app.MapOpenApi().AllowAnonymous();
        app.MapHealthApi();
        app.MapEligibilityApi();
        app.MapApplicationsApi();
        app.MapLettersApi();
        app.MapTranchesApi();
        app.MapReportsApi();
        app.MapRuleSetsApi();
        app.MapImpactJobsApi();
        app.MapRuleSetVersionsApi();
        app.MapPages();
        return app;
    }

    /// <summary>HTTP bodies in the contract's JSON shape, the same as the command line's (<see cref="DecisionJson"/>).</summary>
    private static void UseContractJson(System.Text.Json.JsonSerializerOptions options)
    {
        var contract = DecisionJson.Compact;
        options.PropertyNamingPolicy = contract.PropertyNamingPolicy;
        options.DictionaryKeyPolicy = contract.DictionaryKeyPolicy;
        options.DefaultIgnoreCondition = contract.DefaultIgnoreCondition;
        options.Encoder = contract.Encoder;
        foreach (var converter in contract.Converters)
        {
            options.Converters.Add(converter);
        }
    }
}
