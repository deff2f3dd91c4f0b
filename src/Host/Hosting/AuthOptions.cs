namespace Decisioning.Host.Hosting;

/// <summary>
/// Configuration section <c>Auth</c>: API keys and their roles, key to role (<c>Auth__ApiKeys__s3cret=committee</c>).
/// With none, serve listens on loopback only and makes one key per role at start.
/// </summary>
public sealed record AuthOptions
{
    public const string Section = "Auth";

    public Dictionary<string, string> ApiKeys { get; init; } = [];
}
