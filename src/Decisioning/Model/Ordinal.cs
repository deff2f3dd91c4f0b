namespace Decisioning.Model;

/// <summary>
/// A word from an ordered enumeration of the policy (P3: "at least" comparisons), carrying its scale so a
/// rule can ask <c>BusinessPlan.AtLeast("explicit-strategy")</c>. The order itself comes from <c>rules/</c>.
/// </summary>
public sealed class Ordinal
{
    /// <summary>Creates a word on a scale; the word must be one of the scale's words.</summary>
    public Ordinal(EnumerationScale scale, string word)
    {
        Scale = scale;
        Word = word;
        Rank = scale.RankOf(word) ?? throw new ArgumentException($"'{word}' is not a word of the scale '{scale.Name}'.", nameof(word));
    }

    /// <summary>A word whose rank the caller found on the scale (the reader, which matched its bytes).</summary>
    internal Ordinal(EnumerationScale scale, string word, int rank)
    {
        Scale = scale;
        Word = word;
        Rank = rank;
    }

    /// <summary>The scale the word belongs to.</summary>
    public EnumerationScale Scale { get; }

    /// <summary>The word as the contract spells it.</summary>
    public string Word { get; }

    /// <summary>Position on the scale, 0 for the lowest word.</summary>
    public int Rank { get; }

    /// <summary>True when this word is the given word or ranks above it.</summary>
    public bool AtLeast(string word) => Rank >= (Scale.RankOf(word)
        ?? throw new InvalidOperationException($"'{word}' is not a word of the scale '{Scale.Name}' ({string.Join(", ", Scale.Words)})."));

    /// <summary>True when this word is exactly the given word (the word must exist on the scale).</summary>
    public bool Is(string word) => Rank == (Scale.RankOf(word)
        ?? throw new InvalidOperationException($"'{word}' is not a word of the scale '{Scale.Name}' ({string.Join(", ", Scale.Words)})."));

    /// <inheritdoc />
    public override string ToString() => Word;
}
