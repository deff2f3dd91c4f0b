namespace Decisioning.Model;

/// <summary>An ordered list of words, lowest first (policy P3 "Enumerations, lowest to highest").</summary>
public sealed class EnumerationScale
{
    // A scale holds a handful of words: comparing each (length first) is cheaper than hashing the word, and the rules
    // ask for a rank on every decision (Ordinal.AtLeast). A long scale uses a dictionary.
    private const int MostWordsScanned = 16;

    private readonly string[] _words;
    private readonly Dictionary<string, int>? _ranks;

    /// <summary>Creates a scale from its words, lowest first (distinct: the rule-set compiler refuses a word listed twice).</summary>
    public EnumerationScale(string name, IReadOnlyList<string> words)
    {
        Name = name;
        Words = words;
        _words = [.. words];
        Utf8Words = [.. _words.Select(w => System.Text.Encoding.UTF8.GetBytes(w))];
        if (_words.Length > MostWordsScanned)
        {
            _ranks = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < _words.Length; i++)
            {
                _ranks[_words[i]] = i;
            }
        }
    }

    /// <summary>The input field the scale belongs to, e.g. <c>businessPlan</c>.</summary>
    public string Name { get; }

    /// <summary>The words, lowest first.</summary>
    public IReadOnlyList<string> Words { get; }

    /// <summary>The words as UTF-8, for the reader to match a JSON string without making one.</summary>
    internal byte[][] Utf8Words { get; }

    /// <summary>The rank of a word, or null when the word is not on the scale.</summary>
    public int? RankOf(string word)
    {
        if (_ranks is not null)
        {
            return _ranks.TryGetValue(word, out var ranked) ? ranked : null;
        }
        for (var i = 0; i < _words.Length; i++)
        {
            if (string.Equals(_words[i], word, StringComparison.Ordinal))
            {
                return i;
            }
        }
        return null;
    }
}
