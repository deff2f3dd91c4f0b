using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Decisioning.Output;

/// <summary>The JSON shape of the contract: camelCase names, nulls written, decimals without trailing zeros.</summary>
public static class DecisionJson
{
    /// <summary>Options for one-line output (batch, HTTP, storage).</summary>
    public static readonly JsonSerializerOptions Compact = Create(indented: false);

    /// <summary>Options for indented output (the command line's single decision).</summary>
    public static readonly JsonSerializerOptions Indented = Create(indented: true);

    /// <summary>A decision's metadata under <see cref="Compact"/> (source-generated): for writing straight to a <see cref="Utf8JsonWriter"/>.</summary>
    public static readonly JsonTypeInfo<Decision> CompactDecision = (JsonTypeInfo<Decision>)Compact.GetTypeInfo(typeof(Decision));

    /// <summary>
    /// A decision without its <c>facts</c> block (<c>decide-batch --no-facts</c>): every other field as in
    /// <see cref="CompactDecision"/>, the property left out rather than written as null.
    /// </summary>
    public static readonly JsonTypeInfo<Decision> CompactDecisionWithoutFacts =
        (JsonTypeInfo<Decision>)Create(indented: false, withoutFacts: true).GetTypeInfo(typeof(Decision));

    private static JsonSerializerOptions Create(bool indented, bool withoutFacts = false)
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            DictionaryKeyPolicy = null,
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
            WriteIndented = indented,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            // Source-generated metadata for the contract's types; reflection for the rest (anonymous shapes, store documents).
            TypeInfoResolver = withoutFacts
                ? JsonTypeInfoResolver.Combine(DecisionJsonContext.Default, new DefaultJsonTypeInfoResolver()).WithAddedModifier(LeaveOutFacts)
                : JsonTypeInfoResolver.Combine(DecisionJsonContext.Default, new DefaultJsonTypeInfoResolver()),
        };
        options.Converters.Add(new NormalizedDecimalConverter());
        options.MakeReadOnly();
        return options;
    }

    private static void LeaveOutFacts(JsonTypeInfo info)
    {
        if (info.Type == typeof(Decision) && info.Properties.FirstOrDefault(p => p.Name == "facts") is { } facts)
        {
            info.Properties.Remove(facts);
        }
    }
}
