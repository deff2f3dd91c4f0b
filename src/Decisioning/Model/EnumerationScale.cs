namespace Decisioning.Model;

/// <summary>An ordered list of words, lowest first (policy P3 "Enumerations, lowest to highest").</summary>
public sealed class EnumerationScale
{
    private readonly Dictionary<string, int> _ranks;

    /// <summary>Creates a scale from its words, lowest first.</summary>
    public EnumerationScale(string name, IReadOnlyList<string> words)
    {
        Name = name;
        Words = words;
        _ranks = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < words.Count; i++)
        {
            _ranks[words[i]] = i;
        }
    }

    /// <summary>The input field the scale belongs to, e.g. <c>businessPlan</c>.</summary>
    public string Name { get; }

    /// <summary>The words, lowest first.</summary>
    public IReadOnlyList<string> Words { get; }

    /// <summary>The rank of a word, or null when the word is not on the scale.</summary>
    public int? RankOf(string word) => _ranks.TryGetValue(word, out var rank) ? rank : null;
}
