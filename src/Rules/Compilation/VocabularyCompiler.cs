using Decisioning.Model;
using Newtonsoft.Json.Linq;

namespace Decisioning.Rules.Compilation;

/// <summary>Compiles the rules of kind <c>vocabulary</c> (P1.8): closed word lists for input fields, with Danish and English labels.</summary>
internal sealed class VocabularyCompiler(List<RuleSetError> errors)
{
    /// <summary>P1.8: the closed vocabularies of input fields, each word with a Danish and an English label.</summary>
    public Dictionary<string, Vocabulary> Compile(List<RuleDefinition> rules)
    {
        var vocabularies = new Dictionary<string, Vocabulary>(StringComparer.Ordinal);
        foreach (var rule in rules.Where(r => (string?)r.Properties["kind"] == "vocabulary"))
        {
            var p = new RuleProperties(rule, errors);
            p.CheckKeys("vocabulary");
            var name = p.String("vocabulary");
            var clause = p.String("clause");
            if (name is null || clause is null)
            {
                continue;
            }
            var words = new List<VocabularyWord>();
            if (rule.Properties["words"] is not JArray array || array.Count == 0)
            {
                p.Error("Properties.words must be a non-empty list of { \"word\", \"da\", \"en\" }");
                continue;
            }
            foreach (var item in array)
            {
                var word = (item as JObject)?["word"]?.Type == JTokenType.String ? (string?)item["word"] : null;
                var da = (item as JObject)?["da"]?.Type == JTokenType.String ? (string?)item["da"] : null;
                var en = (item as JObject)?["en"]?.Type == JTokenType.String ? (string?)item["en"] : null;
                if (string.IsNullOrWhiteSpace(word) || string.IsNullOrWhiteSpace(da) || string.IsNullOrWhiteSpace(en))
                {
                    p.Error($"Properties.words: every entry needs a non-empty word, da and en ({item.ToString(Newtonsoft.Json.Formatting.None)})");
                    continue;
                }
                if (words.Any(w => w.Word == word))
                {
                    p.Error($"Properties.words: '{word}' is listed twice");
                    continue;
                }
                words.Add(new VocabularyWord(word, da, en));
            }
            if (!vocabularies.TryAdd(name, new Vocabulary(name, clause, words)))
            {
                p.Error($"the vocabulary '{name}' is defined twice");
            }
        }
        foreach (var required in RequiredVocabularies.Where(v => !vocabularies.ContainsKey(v)))
        {
            errors.Add(new RuleSetError("rules/framework", null, null, $"the vocabulary '{required}' is missing (a rule of kind 'vocabulary', P1.8)"));
        }
        return vocabularies;
    }

    /// <summary>The vocabularies the contract's input reads (<c>company.region</c>, <c>company.sector</c>).</summary>
    private static readonly string[] RequiredVocabularies = ["region", "sector"];

}
