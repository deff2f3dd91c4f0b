using System.Text.Json.Nodes;
using Decisioning.Host.Auth;
using Decisioning.Rules;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;

namespace Decisioning.Host.Apis;

/// <summary>
/// The OpenAPI document as the API really behaves: tags with descriptions, the API key on protected operations only
/// (401 and 403 documented on each), problem details with <c>errors</c> and <c>correlationId</c>, money as whole
/// kroner (<c>integer</c>), and the application schema derived from the contract declaration. It lints clean with
/// <c>redocly lint</c> (<c>.ci/run</c>).
/// </summary>
public static class OpenApiDocumentation
{
    /// <summary>The component names of the application schemas (decision, eligibility check).</summary>
    public const string Application = "Application";

    /// <summary>The application as the eligibility check reads it.</summary>
    public const string ApplicationForCheck = "ApplicationForCheck";

    private static readonly (string Name, string Description)[] Tags =
    [
        ("Health", "Liveness and the active rule set; no key needed."),
        ("Eligibility", "What a company could get before it applies (consultant key). Nothing is stored."),
        ("Applications", "Submitting applications and the committee's final decisions; the grant ledger follows the final decisions."),
        ("Letters", "Decision letters in Danish or English, rendered from the stored decision (committee key)."),
        ("Rule sets", "The rule-set versions, the one in force, a parameter diff between two, and validation of a candidate (policy key)."),
        ("After the grant", "Milestones, tranches and follow-ups of a granted application (consultant and committee keys)."),
        ("Reports", "The programme's half-yearly status per activity (policy key)."),
    ];

    /// <summary>Adds the document, operation and schema transformers.</summary>
    public static void Configure(OpenApiOptions options)
    {
        options.AddDocumentTransformer((document, context, _) =>
        {
            document.Info.Title = "Decisioning";
            document.Info.Description = "Recommended decisions for grant applications, the committee's final decisions and the grant ledger.";
            document.Info.License = new OpenApiLicense { Name = "Proprietary: Væksthus Midtjylland", Url = new Uri("https://vaeksthusmidtjylland.dk") };
            // The document is served by the service itself: relative to where it was fetched from.
            document.Servers = [new OpenApiServer { Url = "/", Description = "This service" }];
            document.Tags = new HashSet<OpenApiTag>(Tags.Select(t => new OpenApiTag { Name = t.Name, Description = t.Description }));
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes[ApiKeyAuthenticationHandler.SchemeName] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Header,
                Name = ApiKeyAuthenticationHandler.Header,
                Description = "A key of the role the endpoint needs: consultant, committee or policy.",
            };
            var policy = context.ApplicationServices.GetService<RuleSetHolder>()?.Current.Policy;
            document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
            document.Components.Schemas[Application] = ContractSchema.Build(policy, decision: true);
            document.Components.Schemas[ApplicationForCheck] = ContractSchema.Build(policy, decision: false);
            return Task.CompletedTask;
        });
        options.AddOperationTransformer((operation, context, _) =>
        {
            var metadata = context.Description.ActionDescriptor.EndpointMetadata;
            var policies = metadata.OfType<AuthorizationPolicy>().ToList();
            if (metadata.OfType<IAllowAnonymous>().Any() || (!metadata.OfType<IAuthorizeData>().Any() && policies.Count == 0))
            {
                operation.Security = [];
                return Task.CompletedTask;
            }
            var roles = string.Join(" or ", metadata.OfType<IAuthorizeData>().Select(a => a.Policy).OfType<string>()
                .Concat(policies.SelectMany(p => p.Requirements.OfType<Microsoft.AspNetCore.Authorization.Infrastructure.RolesAuthorizationRequirement>()).SelectMany(r => r.AllowedRoles))
                .Distinct());
            operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ApiKeyAuthenticationHandler.SchemeName, context.Document)] = [] }];
            operation.Responses ??= [];
            operation.Responses["401"] = Problem("No valid API key (X-Api-Key).", context.Document);
            operation.Responses["403"] = Problem($"The key's role may not do this (needs {roles}).", context.Document);
            return Task.CompletedTask;
        });
        options.AddSchemaTransformer((schema, context, _) =>
        {
            var type = context.JsonTypeInfo.Type;
            if (type == typeof(decimal) || type == typeof(decimal?))
            {
                // Money is whole kroner; shares, scores and job counts are numbers.
                var money = context.JsonPropertyInfo?.Name.EndsWith("Dkk", StringComparison.Ordinal) == true;
                schema.Type = (money ? JsonSchemaType.Integer : JsonSchemaType.Number) | (type == typeof(decimal?) ? JsonSchemaType.Null : 0);
                schema.Format = money ? "int64" : null;
                schema.Pattern = null;
            }
            else if (schema.Type is { } t && t.HasFlag(JsonSchemaType.Integer) && t.HasFlag(JsonSchemaType.String))
            {
                // The service writes numbers as numbers; reading them from strings is a tolerance, not the contract.
                schema.Type = t & ~JsonSchemaType.String;
                schema.Pattern = null;
            }
            if (type == typeof(IReadOnlyDictionary<string, decimal>))
            {
                schema.AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Number };
            }
            if (type == typeof(Microsoft.AspNetCore.Mvc.ProblemDetails))
            {
                AddProblemMembers(schema);
            }
            return Task.CompletedTask;
        });
    }

    private static OpenApiResponse Problem(string description, OpenApiDocument? document) => new()
    {
        Description = description,
        Content = new Dictionary<string, OpenApiMediaType>
        {
            ["application/problem+json"] = new() { Schema = new OpenApiSchemaReference("ProblemDetails", document) },
        },
    };

    private static void AddProblemMembers(OpenApiSchema schema)
    {
        schema.Description = "An RFC 7807 problem. Bad input lists every bad field in errors; every problem carries the correlationId that is in the service's log.";
        schema.Properties ??= new Dictionary<string, IOpenApiSchema>();
        schema.Properties["correlationId"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "Quote it when asking about the request; it is in the log beside anything logged for it." };
        schema.Properties["errors"] = new OpenApiSchema
        {
            Type = JsonSchemaType.Array,
            Description = "400 for bad input: every bad field, by JSON path.",
            Items = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Required = new HashSet<string> { "path", "message" },
                Properties = new Dictionary<string, IOpenApiSchema>
                {
                    ["path"] = new OpenApiSchema { Type = JsonSchemaType.String, Examples = [JsonValue.Create("$.company.employees")] },
                    ["message"] = new OpenApiSchema { Type = JsonSchemaType.String, Examples = [JsonValue.Create("must be a whole number (a head count), not 23.5")] },
                },
            },
        };
    }
}
