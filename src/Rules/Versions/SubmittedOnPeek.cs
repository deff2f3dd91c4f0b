using System.Globalization;
using System.Text.Json;
using Decisioning.Input;

namespace Decisioning.Rules.Versions;

/// <summary>Finds an application's top-level <c>submittedOn</c> without reading the rest, to pick its rule-set version.</summary>
internal static class SubmittedOnPeek
{
    /// <summary>The date, or null when the JSON has no readable top-level <c>submittedOn</c> (the reader then says why).</summary>
    public static DateOnly? Read(ReadOnlySpan<byte> json)
    {
        try
        {
            var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = 64 });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isDate = reader.ValueTextEquals("submittedOn"u8);
                reader.Read();
                if (isDate)
                {
                    if (reader.TokenType != JsonTokenType.String)
                    {
                        return null;
                    }
                    // Read from the bytes as the application reader reads dates; an escaped string is decoded first.
                    if (!reader.ValueIsEscaped)
                    {
                        return IsoDate.TryParse(reader.ValueSpan, out var day) ? day : null;
                    }
                    return DateOnly.TryParseExact(reader.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
                }
                reader.Skip();
            }
        }
        catch (JsonException)
        {
        }
        return null;
    }
}
