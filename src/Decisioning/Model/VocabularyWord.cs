namespace Decisioning.Model;

/// <summary>One word of a <see cref="Vocabulary"/> as the contract spells it, with its Danish and English labels.</summary>
public sealed record VocabularyWord(string Word, string Da, string En);
