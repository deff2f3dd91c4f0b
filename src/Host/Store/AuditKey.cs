using System.Security.Cryptography;
using System.Text;

namespace Decisioning.Host.Store;

/// <summary>
/// The secret that keys the audit chain (HMAC-SHA256). It lives outside the database: in configuration
/// (<c>Store:AuditKey</c>, base64) or in a key file created at first start (<c>Store:AuditKeyFile</c>; by default
/// beside a LiteDB file as <c>NAME.audit-key</c>). Whoever can write the database but not read the key cannot
/// recompute the chain after an edit. The database keeps only the key's fingerprint, so a store is never opened with
/// another key by mistake.
/// </summary>
public sealed class AuditKey
{
    private readonly byte[] _key;

    private AuditKey(byte[] key, string source)
    {
        _key = key;
        Source = source;
    }

    /// <summary>Where the key came from (a file path, or "configuration").</summary>
    public string Source { get; }

    /// <summary>An HMAC of a fixed text: names the key without revealing it.</summary>
    public string Fingerprint => Sign("decisioning audit key fingerprint");

    /// <summary><c>hmac-sha256:</c> and the lower-case hex HMAC of the text.</summary>
    public string Sign(string text) => "hmac-sha256:" + Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(text)));

    /// <summary>The key of <paramref name="base64"/> when given, else of the file (created with a new random key when missing).</summary>
    public static AuditKey Load(string? base64, string file)
    {
        if (!string.IsNullOrWhiteSpace(base64))
        {
            return new AuditKey(Decode(base64.Trim(), "Store:AuditKey"), "configuration");
        }
        var full = Path.GetFullPath(file);
        if (!File.Exists(full))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            var created = RandomNumberGenerator.GetBytes(32);
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }
            try
            {
                using var stream = new FileStream(full, options);
                stream.Write(Encoding.ASCII.GetBytes(Convert.ToBase64String(created) + "\n"));
                stream.Flush(flushToDisk: true);
            }
            catch (IOException) when (File.Exists(full))
            {
                // another process created it at the same moment: use theirs
            }
        }
        return new AuditKey(Decode(File.ReadAllText(full).Trim(), full), full);
    }

    /// <summary>A key from bytes (tests).</summary>
    public static AuditKey Of(byte[] key) => new(key, "given");

    private static byte[] Decode(string base64, string source)
    {
        try
        {
            var key = Convert.FromBase64String(base64);
            return key.Length >= 16 ? key : throw new StoreOpenException($"The audit key in {source} is shorter than 16 bytes.");
        }
        catch (FormatException)
        {
            throw new StoreOpenException($"The audit key in {source} is not base64.");
        }
    }
}
