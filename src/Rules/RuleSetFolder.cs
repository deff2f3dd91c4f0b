namespace Decisioning.Rules;

/// <summary>
/// Reads a rule or template folder safely: regular files only (a FIFO, socket or device is refused by name, never
/// opened), links only to regular files inside the same folder, no linked folders (so no folder loops), at most
/// <see cref="RuleSetLimits.MaxFolderDepth"/> deep, each file and the whole set within their size caps. Editor temp
/// and backup files, and names starting with a dot (<c>.git</c>, Kubernetes' <c>..data</c>), are not part of a rule set.
/// </summary>
internal sealed class RuleSetFolder
{
    private readonly List<RuleSetFile> _files = [];
    private readonly List<RuleSetError> _errors = [];
    private long _bytes;

    /// <summary>A folder (by its path in the rule set, ending in <c>/</c>) that is not part of the rule set: <c>rules/versions/</c> (P10.2).</summary>
    private string? _skip;

    /// <summary>Reads the folders; throws <see cref="RuleSetException"/> listing every entry that is refused.</summary>
    public static List<RuleSetFile> Read(IEnumerable<(string Dir, string Prefix)> folders, string? skip = null)
    {
        var reader = new RuleSetFolder { _skip = skip };
        foreach (var (dir, prefix) in folders)
        {
            var root = FileKind.RealPath(dir) ?? throw new RuleSetException([new RuleSetError(dir, null, null, "the folder does not exist")]);
            reader.Walk(root, root, prefix, 0, read: true);
        }
        return reader._errors.Count > 0 ? throw new RuleSetException(reader._errors) : reader._files;
    }

    /// <summary>A cheap fingerprint of the folders (path, kind, size and last write time of every entry) for the watcher.</summary>
    public static string Fingerprint(IEnumerable<string> dirs)
    {
        var reader = new RuleSetFolder();
        var lines = new List<string>();
        foreach (var dir in dirs)
        {
            if (FileKind.RealPath(dir) is { } root)
            {
                reader.Walk(root, root, dir + "/", 0, read: false, lines);
            }
        }
        lines.AddRange(reader._errors.Select(e => e.ToString()));
        return string.Join("\n", lines);
    }

    /// <summary>Editor temp and backup files and dot names are never part of a rule set.</summary>
    public static bool IsIgnored(string name) =>
        name.StartsWith('.') || name.EndsWith('~') || name.EndsWith(".swp", StringComparison.Ordinal) || name.EndsWith(".tmp", StringComparison.Ordinal);

    private void Walk(string root, string dir, string prefix, int depth, bool read, List<string>? fingerprint = null)
    {
        if (depth > RuleSetLimits.MaxFolderDepth)
        {
            _errors.Add(new RuleSetError(prefix, null, null, $"folders may be at most {RuleSetLimits.MaxFolderDepth} deep"));
            return;
        }
        foreach (var path in Directory.EnumerateFileSystemEntries(dir).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(path);
            if (IsIgnored(name))
            {
                continue;
            }
            LoadProgress.At(prefix + name, null, null, "reading the file");
            var rel = prefix + name;
            var kind = FileKind.Of(path);
            var real = path;
            if (kind == FileKind.Kind.Link)
            {
                real = FileKind.RealPath(path) ?? "";
                kind = real.Length == 0 ? FileKind.Kind.Missing : FileKind.Of(real);
                if (kind == FileKind.Kind.Missing)
                {
                    _errors.Add(new RuleSetError(rel, null, null, "is a link to nothing"));
                    continue;
                }
                if (kind == FileKind.Kind.Directory)
                {
                    _errors.Add(new RuleSetError(rel, null, null, "is a link to a folder: linked folders are not followed (they could loop)"));
                    continue;
                }
                if (!real.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                {
                    _errors.Add(new RuleSetError(rel, null, null, "is a link to a file outside the folder: links are followed only inside it"));
                    continue;
                }
            }
            switch (kind)
            {
                case FileKind.Kind.Directory:
                    if (rel + "/" != _skip)
                    {
                        Walk(root, path, rel + "/", depth + 1, read, fingerprint);
                    }
                    break;
                case FileKind.Kind.Regular:
                    AddFile(real, rel, read, fingerprint);
                    break;
                case FileKind.Kind.Missing:
                    if (read)
                    {
                        _errors.Add(new RuleSetError(rel, null, null, "is a link to nothing, or went away while it was read"));
                    }
                    break;
                default:
                    _errors.Add(new RuleSetError(rel, null, null, $"is a {Describe(kind)}, not a regular file: only regular files are read"));
                    break;
            }
        }
    }

    private void AddFile(string path, string rel, bool read, List<string>? fingerprint)
    {
        var info = new FileInfo(path);
        fingerprint?.Add($"{rel}|{info.Length}|{info.LastWriteTimeUtc.Ticks}");
        if (!read)
        {
            return;
        }
        if (_files.Count >= RuleSetLimits.MaxFiles)
        {
            _errors.Add(new RuleSetError(rel, null, null, $"a rule set may have at most {RuleSetLimits.MaxFiles} files"));
            return;
        }
        var content = ReadCapped(path, rel);
        if (content is null)
        {
            return;
        }
        _bytes += content.Length;
        if (_bytes > RuleSetLimits.MaxRuleSetBytes)
        {
            _errors.Add(new RuleSetError(rel, null, null, $"the rule set's files add up to more than {RuleSetLimits.MaxRuleSetBytes} bytes"));
            return;
        }
        _files.Add(new RuleSetFile(rel, content));
    }

    /// <summary>Reads at most the per-file cap (plus one byte, to see that it is over), whatever the size said a moment ago.</summary>
    private byte[]? ReadCapped(string path, string rel)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1, FileOptions.SequentialScan);
        var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int n;
        while ((n = stream.Read(chunk, 0, (int)Math.Min(chunk.Length, RuleSetLimits.MaxFileBytes + 1 - buffer.Length))) > 0)
        {
            buffer.Write(chunk, 0, n);
            if (buffer.Length > RuleSetLimits.MaxFileBytes)
            {
                _errors.Add(new RuleSetError(rel, null, null, $"is larger than {RuleSetLimits.MaxFileBytes} bytes, the limit for one file"));
                return null;
            }
        }
        return buffer.ToArray();
    }

    /// <summary>What a kind of entry is called in an error.</summary>
    public static string Describe(FileKind.Kind kind) => kind switch
    {
        FileKind.Kind.Regular => "file",
        FileKind.Kind.Fifo => "named pipe (FIFO)",
        FileKind.Kind.Socket => "socket",
        FileKind.Kind.CharacterDevice => "character device",
        FileKind.Kind.BlockDevice => "block device",
        _ => "special file",
    };
}
