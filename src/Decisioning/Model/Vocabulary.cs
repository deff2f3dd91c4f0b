namespace Decisioning.Model;

/// <summary>
/// A closed, unordered list of words for an input field (P1.8: regions, sectors), each with a Danish and an English
/// label. The words and labels come from the rule set; any other word is bad input.
/// </summary>
public sealed class Vocabulary
{
    private readonly Dictionary<string, VocabularyWord> _words;

    /// <summary>Creates a vocabulary from its words, in the order the rule set lists them.</summary>
    public Vocabulary(string name, string clause, IReadOnlyList<VocabularyWord> words)
    {
        Name = name;
        Clause = clause;
        Words = words;
        _words = words.ToDictionary(w => w.Word, StringComparer.Ordinal);
    }

    /// <summary>The vocabulary's name, e.g. <c>region</c> or <c>sector</c>.</summary>
    public string Name { get; }

    /// <summary>The clause that defines it (P1.8).</summary>
    public string Clause { get; }

    /// <summary>The words with their labels, in rule-set order.</summary>
    public IReadOnlyList<VocabularyWord> Words { get; }

    /// <summary>The word with its labels, or null when the word is not in the vocabulary (compared exactly).</summary>
    public VocabularyWord? Find(string word) => _words.GetValueOrDefault(word);
}
