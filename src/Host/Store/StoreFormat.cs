using System.Globalization;
using System.Security.Cryptography;

namespace Decisioning.Host.Store;

/// <summary>How every engine writes times and hashes, so a record hashes the same in LiteDB and PostgreSQL.</summary>
public static class StoreFormat
{
    /// <summary><c>sha256:</c> and the lower-case hex digest.</summary>
    public static string Sha256(ReadOnlySpan<byte> bytes) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>A time as round-trip UTC text (fixed width, so it sorts as text).</summary>
    public static string Time(DateTimeOffset t) => t.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    /// <summary>A time read back from <see cref="Time(DateTimeOffset)"/>.</summary>
    public static DateTimeOffset Time(string s) => DateTimeOffset.Parse(s, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
}
