using System.Text.Json;

namespace Decisioning.Host.Store;

/// <summary>How records after the grant, grant facts and report buckets are stored: compact camel-case JSON.</summary>
public static class AfterGrantJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T? Read<T>(string? text) where T : class => text is null ? null : JsonSerializer.Deserialize<T>(text, Options);
}
