using System.Security.Cryptography;
using System.Text;

namespace Decisioning.Host.Auth;

/// <summary>
/// The API keys and their roles. Keys are held by their SHA-256, so a lookup takes the same time however much of a
/// guessed key is right. With no key configured, one fresh key per role is made (<see cref="Generated"/>).
/// </summary>
public sealed class ApiKeyRegistry
{
    private readonly Dictionary<string, string> _roleByKeyHash;

    /// <summary>Creates the registry from configured keys (key to role); an unknown role is an error.</summary>
    public ApiKeyRegistry(IReadOnlyDictionary<string, string> configured)
    {
        var bad = configured.Where(k => !Roles.All.Contains(k.Value)).Select(k => k.Value).Distinct().ToList();
        if (bad.Count > 0)
        {
            throw new InvalidOperationException(
                $"Auth:ApiKeys names unknown role(s) {string.Join(", ", bad)}; the roles are {string.Join(", ", Roles.All)}.");
        }
        Generated = configured.Count == 0
            ? Roles.All.ToDictionary(r => r, _ => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24)))
            : new Dictionary<string, string>();
        var keys = configured.Count == 0 ? Generated.Select(g => KeyValuePair.Create(g.Value, g.Key)) : configured;
        _roleByKeyHash = keys.ToDictionary(k => Hash(k.Key), k => k.Value, StringComparer.Ordinal);
    }

    /// <summary>The keys made at start, role to key; empty when keys are configured.</summary>
    public IReadOnlyDictionary<string, string> Generated { get; }

    /// <summary>The role of a key, or null for an unknown key.</summary>
    public string? RoleOf(string key) => _roleByKeyHash.GetValueOrDefault(Hash(key));

    private static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}
