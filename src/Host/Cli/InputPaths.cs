namespace Decisioning.Host.Cli;

/// <summary>The common mistakes with an input path, in words, before anything is read.</summary>
public static class InputPaths
{
    /// <summary>Why <paramref name="path"/> cannot be read as an input file, or null when it can be tried (<c>-</c> is standard input).</summary>
    public static string? Problem(string path)
    {
        if (path == "-")
        {
            return null;
        }
        if (Directory.Exists(path))
        {
            return $"{path} is a folder; give an application file (JSON), or - for standard input.";
        }
        if (!File.Exists(path))
        {
            return $"{path} does not exist ({Path.GetFullPath(path)}).";
        }
        return null;
    }
}
