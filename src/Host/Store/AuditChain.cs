using System.Globalization;
using System.Text;

namespace Decisioning.Host.Store;

/// <summary>The hash that links an audit entry to the one before it.</summary>
public static class AuditChain
{
    /// <summary>The previous hash of the first entry.</summary>
    public const string Genesis = "sha256:0000000000000000000000000000000000000000000000000000000000000000";

    /// <summary><c>sha256:</c> over the entry's sequence, time, kind, collection, key, record hash and previous hash.</summary>
    public static string HashOf(long sequence, DateTimeOffset at, string kind, string collection, string key, string recordHash, string previousHash)
    {
        var text = string.Join('\n',
            sequence.ToString(CultureInfo.InvariantCulture), at.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture), kind, collection, key, recordHash, previousHash);
        return "sha256:" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>The entry that follows <paramref name="head"/>.</summary>
    public static AuditEntry Next(AuditHead head, DateTimeOffset at, string kind, string collection, string key, string recordHash)
    {
        var sequence = head.Sequence + 1;
        return new AuditEntry
        {
            Sequence = sequence,
            At = at,
            Kind = kind,
            Collection = collection,
            Key = key,
            RecordHash = recordHash,
            PreviousHash = head.Hash,
            Hash = HashOf(sequence, at, kind, collection, key, recordHash, head.Hash),
        };
    }

    /// <summary>The entry's hash as it should be.</summary>
    public static string HashOf(AuditEntry e) => HashOf(e.Sequence, e.At, e.Kind, e.Collection, e.Key, e.RecordHash, e.PreviousHash);
}
