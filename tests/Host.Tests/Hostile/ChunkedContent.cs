using System.Net;

namespace Decisioning.Host.Tests.Hostile;

/// <summary>A body sent with chunked transfer encoding: no Content-Length for the server to refuse it by.</summary>
internal sealed class ChunkedContent(byte[] body) : HttpContent
{
    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
    {
        for (var at = 0; at < body.Length; at += 64 * 1024)
        {
            await stream.WriteAsync(body.AsMemory(at, Math.Min(64 * 1024, body.Length - at)));
        }
    }

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }
}
