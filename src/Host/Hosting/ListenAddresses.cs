namespace Decisioning.Host.Hosting;

/// <summary>Where serve listens: the given URLs, moved to loopback when no API key is configured.</summary>
public static class ListenAddresses
{
    /// <summary>The URLs to bind; with <paramref name="loopbackOnly"/> every host becomes 127.0.0.1 (the port stays).</summary>
    public static (string Urls, IReadOnlyList<string> Moved) Resolve(string? urls, bool loopbackOnly)
    {
        var list = (urls ?? ServeSettings.DefaultUrls).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (!loopbackOnly)
        {
            return (string.Join(';', list), []);
        }
        var moved = new List<string>();
        var result = new List<string>();
        foreach (var url in list)
        {
            if (!Uri.TryCreate(url.Replace("://*", "://0.0.0.0", StringComparison.Ordinal).Replace("://+", "://0.0.0.0", StringComparison.Ordinal), UriKind.Absolute, out var uri))
            {
                result.Add(url);
                continue;
            }
            if (uri.IsLoopback)
            {
                result.Add(url);
                continue;
            }
            var loopback = new UriBuilder(uri) { Host = "127.0.0.1" }.Uri.GetLeftPart(UriPartial.Authority);
            moved.Add(url);
            result.Add(loopback);
        }
        return (string.Join(';', result), moved);
    }
}
