using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Decisioning.Host.Store;

/// <summary>
/// The hash that links an audit entry to the one before it: an HMAC with the <see cref="AuditKey"/> over every field of
/// the entry (sequence, time, kind, collection, key, record hash, previous hash). Entries written before the chain was
/// keyed carry a plain <c>sha256:</c> hash; they are accepted only before the first keyed entry.
/// </summary>
public static class AuditChain
{
    /// <summary>The previous hash of the first entry.</summary>
    public const string Genesis = "sha256:0000000000000000000000000000000000000000000000000000000000000000";

    /// <summary>The prefix of a keyed entry's hash.</summary>
    public const string KeyedPrefix = "hmac-sha256:";

    /// <summary>The keyed entry that follows <paramref name="head"/>.</summary>
    public static AuditEntry Next(AuditKey key, AuditHead head, DateTimeOffset at, string kind, string collection, string key2, string recordHash)
    {
        var sequence = head.Sequence + 1;
        return new AuditEntry
        {
            Sequence = sequence,
            At = at,
            Kind = kind,
            Collection = collection,
            Key = key2,
            RecordHash = recordHash,
            PreviousHash = head.Hash,
            Hash = key.Sign(Text(sequence, at, kind, collection, key2, recordHash, head.Hash)),
        };
    }

    /// <summary>True for an entry chained with the key.</summary>
    public static bool IsKeyed(AuditEntry e) => e.Hash.StartsWith(KeyedPrefix, StringComparison.Ordinal);

    /// <summary>The entry's hash as it should be: keyed, or the plain hash of an entry from before the chain was keyed.</summary>
    public static string HashOf(AuditEntry e, AuditKey key)
    {
        var text = Text(e.Sequence, e.At, e.Kind, e.Collection, e.Key, e.RecordHash, e.PreviousHash);
        return IsKeyed(e) ? key.Sign(text) : "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    private static string Text(long sequence, DateTimeOffset at, string kind, string collection, string key, string recordHash, string previousHash) =>
        string.Join('\n', sequence.ToString(CultureInfo.InvariantCulture), StoreFormat.Time(at), kind, collection, key, recordHash, previousHash);
}
