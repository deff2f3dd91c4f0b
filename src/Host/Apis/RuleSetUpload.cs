using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Decisioning.Input;
using Decisioning.Rules;

namespace Decisioning.Host.Apis;

/// <summary>
/// Reads a rule set sent for validation: a JSON object of file name to content, or a zip. Names under <c>rules/</c>
/// or <c>templates/</c> stay; any other name is taken as under <c>rules/</c>. Sizes are bounded (a zip may not
/// unpack into more than <see cref="MaxUnpackedBytes"/>).
/// </summary>
public static class RuleSetUpload
{
    public const int MaxBodyBytes = 5 << 20;
    public const long MaxUnpackedBytes = 20 << 20;
    public const int MaxFiles = 1000;

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
            long total = 0;
            foreach (var entry in zip.Entries.Where(e => !e.FullName.EndsWith('/')))
            {
                total += entry.Length;
                if (total > MaxUnpackedBytes || files.Count >= MaxFiles)
                {
                    errors.Add(new InputError("$", $"unpacks into more than {MaxUnpackedBytes} bytes or {MaxFiles} files"));
                    return files;
                }
                using var content = new MemoryStream();
                using (var stream = entry.Open())
                {
                    stream.CopyTo(content);
                }
                Add(files, entry.FullName, content.ToArray(), entry.FullName, errors);
            }
        }
        catch (InvalidDataException ex)
        {
            errors.Add(new InputError("$", "is not a readable zip: " + ex.Message));
        }
        return files;
    }

    private static void Add(List<RuleSetFile> files, string name, byte[] content, string path, List<InputError> errors)
    {
        var normal = name.Replace('\\', '/');
        normal = normal.StartsWith("./", StringComparison.Ordinal) ? normal[2..] : normal;
        if (normal.Length == 0 || normal.Split('/').Any(s => s is "" or "." or ".."))
        {
            errors.Add(new InputError(path, "must be a relative file name without '..'"));
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
