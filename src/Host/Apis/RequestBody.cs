using Microsoft.AspNetCore.Http;

namespace Decisioning.Host.Apis;

/// <summary>Reads a request body as the bytes sent, up to a limit.</summary>
public static class RequestBody
{
    /// <summary>The most an application or final decision may weigh.</summary>
    public const int MaxJsonBytes = 1 << 20;

    /// <summary>The body, or null when it is longer than <paramref name="maxBytes"/>.</summary>
    public static async Task<byte[]?> ReadAsync(HttpRequest request, int maxBytes, CancellationToken cancel)
    {
        if (request.ContentLength > maxBytes)
        {
            return null;
        }
        using var buffer = new MemoryStream(request.ContentLength is { } n ? (int)n : 4096);
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancel)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return null;
            }
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }
}
