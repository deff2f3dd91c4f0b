namespace Decisioning.Host.Auth;

/// <summary>
/// How long a web-page session lasts and how many the service keeps (configuration section <c>Auth:Sessions</c>).
/// Sessions live in memory: a restart signs everyone out.
/// </summary>
public sealed record PageSessionOptions
{
    public const string Section = "Auth:Sessions";

    /// <summary>A session ends this long after sign-in, however busy.</summary>
    public TimeSpan Lifetime { get; init; } = TimeSpan.FromHours(12);

    /// <summary>A session ends after this long without a request.</summary>
    public TimeSpan IdleTimeout { get; init; } = TimeSpan.FromHours(2);

    /// <summary>At most this many sessions are kept; a new one pushes out the one idle longest.</summary>
    public int MaxSessions { get; init; } = 10_000;
}
