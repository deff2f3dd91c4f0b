using System.Globalization;

namespace Decisioning.Host.Store;

/// <summary>
/// The audit trail's head (last sequence number and hash) kept beside the key, outside the database, and signed with
/// it: deleting entries from the end of the trail leaves a trail shorter than this head, which <c>audit verify</c>
/// reports. Rewritten (atomically, not flushed) after each durable batch; after a crash it may lag one batch, never lead.
/// </summary>
public sealed class AuditTip(string path, AuditKey key)
{
    /// <summary>The file.</summary>
    public string Path => path;

    /// <summary>Records the head after a durable commit; a failure is not the write's (the head is a check, not a record).</summary>
    public void Write(AuditHead head)
    {
        try
        {
            var text = Text(head);
            var temp = path + ".tmp";
            File.WriteAllText(temp, text + "\n" + key.Sign(text) + "\n");
            File.Move(temp, path, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // the trail itself is durable; a lagging tip only weakens the tail check
        }
    }

    /// <summary>The head kept, null when there is no file, or a reason it cannot be trusted.</summary>
    public (AuditHead? Head, string? Problem) Read()
    {
        if (!File.Exists(path))
        {
            return (null, null);
        }
        var lines = File.ReadAllLines(path);
        if (lines.Length < 2 || key.Sign(lines[0]) != lines[1])
        {
            return (null, $"the head kept in {path} is not signed with the audit key");
        }
        var parts = lines[0].Split(' ');
        return parts.Length == 2 && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var sequence)
            ? (new AuditHead(sequence, parts[1]), null)
            : (null, $"the head kept in {path} cannot be read");
    }

    private static string Text(AuditHead head) => head.Sequence.ToString(CultureInfo.InvariantCulture) + " " + head.Hash;
}
