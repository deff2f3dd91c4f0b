using System.Text;
using Decisioning.Host.Apis;
using Decisioning.Input;
using Decisioning.Rules;
using Microsoft.AspNetCore.Http;

namespace Decisioning.Host.Pages.Policy;

/// <summary>
/// A change policy staff try on the policy page, before it is validated: the file chosen, replaced by the text typed
/// in the page or by a file loaded from their computer (multipart upload); a zip replaces the whole rule set, as
/// <c>POST /api/rulesets/validate</c> takes it. The upload limits are the API's (<see cref="RuleSetUpload"/>).
/// </summary>
/// <param name="Candidate">The rule set to try; null when the change could not be read.</param>
/// <param name="File">The file chosen (shown and edited on the page).</param>
/// <param name="Content">The chosen file's text in the candidate, to show again.</param>
/// <param name="Errors">What could not be read, by form field (<c>file</c>, <c>upload</c>).</param>
public sealed record TrialChange(RuleSetSource? Candidate, string File, string Content, IReadOnlyList<InputError> Errors)
{
    /// <summary>The files a policy officer may choose to change: the rule set's JSON and its letter templates.</summary>
    public static IReadOnlyList<string> Editable(RuleSetSource source) =>
        source.Files.Select(f => f.Path).Where(p => p.EndsWith(".json", StringComparison.Ordinal) || p.EndsWith(".scriban", StringComparison.Ordinal)).ToList();

    /// <summary>Reads the change from the posted form: the chosen file, the typed text and the uploaded file, if any.</summary>
    public static async Task<TrialChange> ReadAsync(RuleSetSource current, string? chosen, string? typed, IFormFile? upload, CancellationToken cancel)
    {
        var file = chosen ?? "";
        if (!Editable(current).Contains(file))
        {
            return new TrialChange(null, file, typed ?? "", [new InputError("file", "is not a file of the rule set")]);
        }
        if (upload is not { Length: > 0 })
        {
            var text = (typed ?? "").Replace("\r\n", "\n", StringComparison.Ordinal);
            return new TrialChange(Replace(current, file, Encoding.UTF8.GetBytes(text)), file, text, []);
        }
        if (upload.Length > RuleSetUpload.MaxBodyBytes)
        {
            return new TrialChange(null, file, typed ?? "", [new InputError("upload", $"is {upload.Length} bytes; at most {RuleSetUpload.MaxBodyBytes} are taken")]);
        }
        var bytes = new byte[upload.Length];
        await using (var stream = upload.OpenReadStream())
        {
            await stream.ReadExactlyAsync(bytes, cancel);
        }
        var isZip = upload.FileName.EndsWith(".zip", StringComparison.OrdinalIgnoreCase) || bytes is [(byte)'P', (byte)'K', ..];
        if (isZip)
        {
            var whole = RuleSetUpload.Read(bytes, "application/zip");
            if (!whole.IsValid)
            {
                return new TrialChange(null, file, typed ?? "", whole.Errors.Select(e => new InputError("upload", $"{e.Path}: {e.Message}")).ToList());
            }
            var shown = whole.Value!.Files.FirstOrDefault(f => f.Path == file);
            return new TrialChange(whole.Value, file, shown?.Text ?? "", []);
        }
        if (bytes.LongLength > RuleSetLimits.MaxFileBytes)
        {
            return new TrialChange(null, file, typed ?? "", [new InputError("upload", $"is {bytes.LongLength} bytes; one file may have at most {RuleSetLimits.MaxFileBytes}")]);
        }
        return new TrialChange(Replace(current, file, bytes), file, Encoding.UTF8.GetString(bytes), []);
    }

    private static RuleSetSource Replace(RuleSetSource current, string path, byte[] content) =>
        new(current.Files.Where(f => f.Path != path).Append(new RuleSetFile(path, content)));
}
