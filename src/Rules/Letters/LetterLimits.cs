namespace Decisioning.Rules.Letters;

/// <summary>
/// The limits every render runs under, so a runaway template ends in a <see cref="LetterRenderException"/>, never a
/// hang: loop iterations, function recursion, include nesting, output size and wall-clock time.
/// </summary>
public sealed record LetterLimits
{
    /// <summary>The limits letters render under.</summary>
    public static LetterLimits Default { get; } = new();

    /// <summary>Cumulative loop iterations per nested loop tree (0 turns the check off, for tests of the time limit).</summary>
    public int LoopLimit { get; init; } = 10_000;

    public int RecursionLimit { get; init; } = 20;

    public int IncludeDepth { get; init; } = 8;

    /// <summary>The most characters a letter may have.</summary>
    public int OutputChars { get; init; } = 1_000_000;

    public TimeSpan TimeLimit { get; init; } = TimeSpan.FromSeconds(2);
}
