using System.Security.Cryptography;
using System.Text;

namespace Decisioning.Host.Auth;

/// <summary>
/// The web pages' sign-ins, held on the server: the browser's cookie carries only a random session id (256 bits),
/// never the API key, and the table holds the id's SHA-256 and the role. A session ends at sign-out, after
/// <see cref="PageSessionOptions.IdleTimeout"/> without use or <see cref="PageSessionOptions.Lifetime"/> after
/// sign-in; the table never holds more than <see cref="PageSessionOptions.MaxSessions"/>.
/// </summary>
public sealed class PageSessions(TimeProvider time, PageSessionOptions options)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Session> _byIdHash = new(StringComparer.Ordinal);

    /// <summary>Sessions held now (expired ones included until they are next looked at or pruned).</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _byIdHash.Count;
            }
        }
    }

    /// <summary>Starts a session for a role; returns its id, for the cookie.</summary>
    public string Start(string role)
    {
        var id = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var now = time.GetUtcNow();
        lock (_gate)
        {
            foreach (var expired in _byIdHash.Where(s => !s.Value.IsLive(now, options)).Select(s => s.Key).ToList())
            {
                _byIdHash.Remove(expired);
            }
            if (_byIdHash.Count >= options.MaxSessions)
            {
                _byIdHash.Remove(_byIdHash.MinBy(s => s.Value.LastSeen).Key);
            }
            _byIdHash[Hash(id)] = new Session(role, now, now);
        }
        return id;
    }

    /// <summary>The role of a live session, or null for an unknown, ended or expired one (which is then forgotten).</summary>
    public string? RoleOf(string? id)
    {
        if (string.IsNullOrEmpty(id) || id.Length > 100)
        {
            return null;
        }
        var key = Hash(id);
        var now = time.GetUtcNow();
        lock (_gate)
        {
            if (!_byIdHash.TryGetValue(key, out var session))
            {
                return null;
            }
            if (!session.IsLive(now, options))
            {
                _byIdHash.Remove(key);
                return null;
            }
            _byIdHash[key] = session with { LastSeen = now };
            return session.Role;
        }
    }

    /// <summary>Ends a session (sign-out); its id signs nobody in afterwards.</summary>
    public void End(string? id)
    {
        if (string.IsNullOrEmpty(id) || id.Length > 100)
        {
            return;
        }
        lock (_gate)
        {
            _byIdHash.Remove(Hash(id));
        }
    }

    private static string Hash(string id) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(id)));

    private sealed record Session(string Role, DateTimeOffset Started, DateTimeOffset LastSeen)
    {
        public bool IsLive(DateTimeOffset now, PageSessionOptions o) => now - Started < o.Lifetime && now - LastSeen < o.IdleTimeout;
    }
}
