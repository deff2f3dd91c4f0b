using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Decisioning.Host.Auth;

namespace Decisioning.Host.Tests;

/// <summary>Calls to the service over HTTP, with the API key of a role.</summary>
internal sealed class ServiceClient(HttpClient http)
{
    public Task<HttpResponseMessage> PostAsync(string path, string? key, JsonNode body) => PostAsync(path, key, Applications.Bytes(body));

    public async Task<HttpResponseMessage> PostAsync(string path, string? key, byte[] body, string contentType = "application/json")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        if (key is not null)
        {
            request.Headers.Add(ApiKeyAuthenticationHandler.Header, key);
        }
        return await http.SendAsync(request);
    }

    public async Task<HttpResponseMessage> GetAsync(string path, string? key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (key is not null)
        {
            request.Headers.Add(ApiKeyAuthenticationHandler.Header, key);
        }
        return await http.SendAsync(request);
    }

    public Task<HttpResponseMessage> SubmitAsync(JsonNode application) => PostAsync("/api/applications", ServiceUnderTest.ConsultantKey, application);

    public Task<HttpResponseMessage> DecideAsync(string id, object finalDecision, string key = ServiceUnderTest.CommitteeKey) =>
        PostAsync($"/api/applications/{id}/final-decision", key, JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(finalDecision))!);
}
