using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Decisioning.Output;

/// <summary>The JSON shape of the contract: camelCase names, nulls written, decimals without trailing zeros.</summary>
public static class DecisionJson
{
    /// <summary>Options for one-line output (batch, HTTP, storage).</summary>
    public static readonly JsonSerializerOptions Compact = Create(indented: false);

    /// <summary>Options for indented output (the command line's single decision).</summary>
    public static readonly JsonSerializerOptions Indented = Create(indented: true);

    private static JsonSerializerOptions Create(bool indented)
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            DictionaryKeyPolicy = null,
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
            WriteIndented = indented,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        options.Converters.Add(new NormalizedDecimalConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    private sealed class NormalizedDecimalConverter : JsonConverter<decimal>
    {
        public override decimal Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetDecimal();

        public override void Write(Utf8JsonWriter writer, decimal value, JsonSerializerOptions options) =>
            writer.WriteNumberValue(value / 1.0000000000000000000000000000m);
    }
}
