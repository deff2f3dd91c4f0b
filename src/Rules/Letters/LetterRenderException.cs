namespace Decisioning.Rules.Letters;

/// <summary>
/// A letter could not be rendered: a template failed (misspelt variable, a loop or time limit reached, a missing
/// include) or the rule set has no template for the programme and language. Names the template file and line.
/// </summary>
public sealed class LetterRenderException : Exception
{
    /// <summary>Creates the exception for a template file and, when known, its 1-based line.</summary>
    public LetterRenderException(string file, int? line, string message, Exception? inner = null)
        : base($"{file}{(line is { } l ? $":{l}" : "")}: {message}", inner)
    {
        File = file;
        Line = line;
        Reason = message;
    }

    /// <summary>The template file (<c>templates/…</c>) the error is in.</summary>
    public string File { get; }

    /// <summary>The 1-based line in <see cref="File"/>, when known.</summary>
    public int? Line { get; }

    /// <summary>What went wrong, without the file and line.</summary>
    public string Reason { get; }
}
