using Microsoft.AspNetCore.Http;

namespace Decisioning.Host.Apis;

/// <summary>Reads a request body as the bytes sent, up to a limit.</summary>
public static class RequestBody
{
    /// <summary>The most an application or final decision may weigh (<see cref="RequestBodyLimits.Application"/>).</summary>
    public const int MaxJsonBytes = 1 << 20;

    /// <summary>
    /// The body, checked against <paramref name="limits"/> before any reader sees it: a body over the byte limit is 413,
    /// one with duplicated members, text that is not UTF-8, or strings, arrays, numbers or nesting over the limits is
    /// 400 naming each path (<see cref="RequestBodyJson"/>).
    /// </summary>
    public static async Task<RequestBodyRead> ReadJsonAsync(HttpRequest request, RequestBodyLimits limits, string title, CancellationToken cancel)
    {
        if (await ReadAsync(request, limits.MaxBytes, cancel) is not { } body)
        {
            return new RequestBodyRead(null, Problems.TooLarge(limits.MaxBytes));
        }
        var errors = RequestBodyJson.Check(body, limits);
        return errors.Count > 0 ? new RequestBodyRead(null, Problems.BadInput(errors, title)) : new RequestBodyRead(body, null);
    }

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
