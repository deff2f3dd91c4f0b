using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.OpenApi;

namespace Decisioning.Host.Apis;

/// <summary>
/// Documents a request body in the OpenAPI document without constraining the request's content type: the endpoints
/// read the body themselves and name every bad field, so a body sent without <c>application/json</c> is read too.
/// </summary>
public static class RequestBodyDocumentation
{
    /// <summary>The body is an application (the contract's declaration, <see cref="ContractSchema"/>); for a decision or an eligibility check.</summary>
    public static RouteHandlerBuilder DocumentsApplicationBody(this RouteHandlerBuilder builder, bool decision) =>
        builder.AddOpenApiOperationTransformer((operation, context, _) =>
        {
            var schema = new OpenApiSchemaReference(decision ? OpenApiDocumentation.Application : OpenApiDocumentation.ApplicationForCheck, context.Document);
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Content = new Dictionary<string, OpenApiMediaType> { ["application/json"] = new() { Schema = schema } },
            };
            return Task.CompletedTask;
        });

    /// <summary>The body is JSON of the shape <typeparamref name="T"/>; a zip too when <paramref name="orZip"/>.</summary>
    public static RouteHandlerBuilder DocumentsBody<T>(this RouteHandlerBuilder builder, bool orZip = false) =>
        builder.AddOpenApiOperationTransformer(async (operation, context, cancel) =>
        {
            var content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/json"] = new() { Schema = await context.GetOrCreateSchemaAsync(typeof(T), null, cancel) },
            };
            if (orZip)
            {
                content["application/zip"] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" } };
            }
            operation.RequestBody = new OpenApiRequestBody { Required = true, Content = content };
        });
}
