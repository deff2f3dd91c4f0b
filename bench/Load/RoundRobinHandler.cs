namespace Decisioning.Bench.Load;

/// <summary>Sends each request to the next of several servers (two hosts on one PostgreSQL database).</summary>
public sealed class RoundRobinHandler(IReadOnlyList<Uri> servers, HttpMessageHandler inner) : DelegatingHandler(inner)
{
    private long _next;

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var server = servers[(int)(Interlocked.Increment(ref _next) % servers.Count)];
        request.RequestUri = new Uri(server, request.RequestUri!.PathAndQuery);
        return base.SendAsync(request, cancellationToken);
    }
}
