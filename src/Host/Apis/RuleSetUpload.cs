using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Decisioning.Input;
using Decisioning.Rules;

namespace Decisioning.Host.Apis;

/// <summary>
/// Reads a rule set sent for validation: a JSON object of file name to content, or a zip. Names under <c>rules/</c>
/// or <c>templates/</c> stay; any other name is taken as under <c>rules/</c>. Everything is bounded before it is
/// unpacked: the body, the number of files, each file (<see cref="RuleSetLimits.MaxFileBytes"/>, counted while it is
/// inflated, whatever the zip's header claims), the whole (<see cref="MaxUnpackedBytes"/>), a zip entry's compression
/// ratio (<see cref="MaxCompressionRatio"/>), and names (relative, no <c>..</c>, no control characters, not too long).
/// </summary>
public static class RuleSetUpload
{
    public const int MaxBodyBytes = 5 << 20;
    public const long MaxUnpackedBytes = 20 << 20;
    public const int MaxFiles = 1000;

    /// <summary>How much a zip entry may inflate (uncompressed / compressed); rule files compress about 5-10 times.</summary>
    public const int MaxCompressionRatio = 100;

    /// <summary>Characters in one file name.</summary>
    public const int MaxNameLength = 255;

    public static InputResult<RuleSetSource> Read(byte[] body, string? contentType)
    {
        var isZip = (contentType?.Contains("zip", StringComparison.OrdinalIgnoreCase) ?? false) || (body.Length > 3 && body[0] == 'P' && body[1] == 'K');
        var errors = new List<InputError>();
        var files = isZip ? FromZip(body, errors) : FromJson(body, errors);
        if (errors.Count == 0 && files.Count == 0)
        {
            errors.Add(new InputError("$", "holds no files"));
        }
        return errors.Count > 0 ? new(null, errors) : new(new RuleSetSource(files), []);
    }

    private static List<RuleSetFile> FromJson(byte[] body, List<InputError> errors)
    {
        var files = new List<RuleSetFile>();
        if (RequestBodyJson.Check(body, RequestBodyLimits.RuleSetUpload) is { Count: > 0 } shape)
        {
            errors.AddRange(shape);
            return files;
        }
        try
        {
            using var doc = JsonDocument.Parse(body);
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
            {
                errors.Add(new InputError("$", "must be a JSON object of file name to file content"));
                return files;
            }
            foreach (var file in doc.RootElement.EnumerateObject())
            {
                var path = $"$['{file.Name}']";
                if (file.Value.ValueKind != JsonValueKind.String)
                {
                    errors.Add(new InputError(path, "must be the file's content as a string"));
                    continue;
                }
                Add(files, file.Name, Encoding.UTF8.GetBytes(file.Value.GetString()!), path, errors);
            }
        }
        catch (JsonException ex)
        {
            errors.Add(new InputError("$", "is not valid JSON: " + ex.Message));
        }
        return files;
    }

    private static List<RuleSetFile> FromZip(byte[] body, List<InputError> errors)
    {
        var files = new List<RuleSetFile>();
        try
        {
            using var zip = new ZipArchive(new MemoryStream(body), ZipArchiveMode.Read);
            if (zip.Entries.Count > MaxFiles)
            {
                errors.Add(new InputError("$", $"holds {zip.Entries.Count} entries; at most {MaxFiles} files are taken"));
                return files;
            }
            long total = 0;
            foreach (var entry in zip.Entries.Where(e => !e.FullName.EndsWith('/')))
            {
                if (entry.Length > RuleSetLimits.MaxFileBytes || entry.CompressedLength > 0 && entry.Length / entry.CompressedLength > MaxCompressionRatio)
                {
                    errors.Add(new InputError(entry.FullName, $"unpacks into {entry.Length} bytes from {entry.CompressedLength}: at most {RuleSetLimits.MaxFileBytes} bytes a file and a ratio of {MaxCompressionRatio}"));
                    continue;
                }
                var content = Inflate(entry, Math.Min(RuleSetLimits.MaxFileBytes, MaxUnpackedBytes - total));
                if (content is null)
                {
                    errors.Add(new InputError(entry.FullName, $"unpacks into more than its header says, or past {MaxUnpackedBytes} bytes for the whole upload"));
                    return files;
                }
                total += content.Length;
                Add(files, entry.FullName, content, entry.FullName, errors);
            }
        }
        catch (Exception ex) when (ex is InvalidDataException or NotSupportedException or IOException or ArgumentException)
        {
            errors.Add(new InputError("$", "is not a readable zip: " + ex.Message));
        }
        return files;
    }

    /// <summary>Inflates one entry, at most <paramref name="cap"/> bytes; null when there is more.</summary>
    private static byte[]? Inflate(ZipArchiveEntry entry, long cap)
    {
        using var stream = entry.Open();
        using var content = new MemoryStream();
        var buffer = new byte[81920];
        int n;
        while ((n = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            if (content.Length + n > cap)
            {
                return null;
            }
            content.Write(buffer, 0, n);
        }
        return content.ToArray();
    }

    private static void Add(List<RuleSetFile> files, string name, byte[] content, string path, List<InputError> errors)
    {
        var normal = name.Replace('\\', '/');
        normal = normal.StartsWith("./", StringComparison.Ordinal) ? normal[2..] : normal;
        if (normal.Length == 0 || normal.Length > MaxNameLength || normal.Split('/').Any(s => s is "" or "." or ".." || s.EndsWith(':'))
            || normal.Any(char.IsControl))
        {
            errors.Add(new InputError(path, $"must be a relative file name of at most {MaxNameLength} characters, without '..', a drive or control characters"));
            return;
        }
        if (files.Count >= MaxFiles || content.LongLength > RuleSetLimits.MaxFileBytes)
        {
            errors.Add(new InputError(path, $"is past the limits of an upload: at most {MaxFiles} files of {RuleSetLimits.MaxFileBytes} bytes each"));
            return;
        }
        if (!normal.StartsWith("rules/", StringComparison.Ordinal) && !normal.StartsWith("templates/", StringComparison.Ordinal))
        {
            normal = "rules/" + normal;
        }
        if (files.Any(f => f.Path == normal))
        {
            errors.Add(new InputError(path, $"names the file {normal} twice"));
            return;
        }
        files.Add(new RuleSetFile(normal, content));
    }
}
