using System.Text.Json;
using System.Text.Json.Serialization;

namespace Decisioning.Output;

/// <summary>
/// Writes a decimal without trailing zeros (<c>0.50</c> as <c>0.5</c>, <c>120000.00</c> as <c>120000</c>), so a
/// decision's JSON does not depend on how an amount was computed. Whole amounts (most of them: kroner) skip the division.
/// </summary>
internal sealed class NormalizedDecimalConverter : JsonConverter<decimal>
{
    public override decimal Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetDecimal();

    public override void Write(Utf8JsonWriter writer, decimal value, JsonSerializerOptions options) => WriteValue(writer, value);

    /// <summary>Writes <paramref name="value"/> as the converter does (also for <see cref="DecisionWriter"/>).</summary>
    internal static void WriteValue(Utf8JsonWriter writer, decimal value)
    {
        if (value == decimal.Truncate(value) && value is >= long.MinValue and <= long.MaxValue)
        {
            writer.WriteNumberValue((long)value);
            return;
        }
        writer.WriteNumberValue(value / 1.0000000000000000000000000000m);
    }
}
