using System.Buffers;
using System.Text;
using System.Text.Json;

namespace Decisioning.Host.Replay;

/// <summary>
/// What impact analysis compares of a stored recommendation (<see cref="Store.RecommendationRecord"/> as JSON): its
/// ledger version and the decision's outcome, level and amounts, read in one pass over the UTF-8 bytes, every other
/// value skipped. The serializer would build the same from a record several kilobytes long (the decision with its
/// facts) at several times the cost; <c>StoredRecommendationReaderTests</c> holds the two equal.
/// </summary>
public static class StoredRecommendationReader
{
    /// <summary>The ledger version the recommendation of <paramref name="applicationId"/> saw and what it decided.</summary>
    /// <exception cref="InvalidDataException">The record is not a JSON object with a decision that has an outcome (the message names the case).</exception>
    public static (long LedgerVersion, ReplaySummary Decision) Read(string recommendationJson, string applicationId)
    {
        var max = Encoding.UTF8.GetMaxByteCount(recommendationJson.Length);
        var rented = ArrayPool<byte>.Shared.Rent(max);
        try
        {
            var length = Encoding.UTF8.GetBytes(recommendationJson, rented);
            return Read(rented.AsSpan(0, length), applicationId);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    private static (long, ReplaySummary) Read(ReadOnlySpan<byte> json, string applicationId)
    {
        var reader = new Utf8JsonReader(json);
        long ledgerVersion = 0;
        ReplaySummary? decision = null;
        try
        {
            Expect(ref reader, JsonTokenType.StartObject);
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("ledgerVersion"u8))
                {
                    reader.Read();
                    ledgerVersion = reader.GetInt64();
                }
                else if (reader.ValueTextEquals("decision"u8))
                {
                    reader.Read();
                    decision = reader.TokenType == JsonTokenType.Null ? null : ReadDecision(ref reader);
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException)
        {
            throw new InvalidDataException($"The stored recommendation of {applicationId} is not a recommendation record: {ex.Message}", ex);
        }
        return (ledgerVersion, decision ?? throw new InvalidDataException($"The stored recommendation of {applicationId} has no decision."));
    }

    private static ReplaySummary ReadDecision(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"the decision is {reader.TokenType}, not an object");
        }
        string? outcome = null, level = null, binding = null;
        decimal? eligible = null, grant = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("outcome"u8))
            {
                reader.Read();
                outcome = reader.GetString();
            }
            else if (reader.ValueTextEquals("level"u8))
            {
                reader.Read();
                level = reader.GetString();
            }
            else if (reader.ValueTextEquals("coFinancing"u8))
            {
                reader.Read();
                (eligible, grant, binding) = reader.TokenType == JsonTokenType.Null ? default : ReadCoFinancing(ref reader);
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }
        return new ReplaySummary(outcome ?? throw new JsonException("the decision has no outcome"), level, eligible, grant, binding);
    }

    private static (decimal? Eligible, decimal? Grant, string? Binding) ReadCoFinancing(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"coFinancing is {reader.TokenType}, not an object");
        }
        decimal? eligible = null, grant = null;
        string? binding = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("eligibleDkk"u8))
            {
                reader.Read();
                eligible = reader.TokenType == JsonTokenType.Null ? null : reader.GetDecimal();
            }
            else if (reader.ValueTextEquals("grantDkk"u8))
            {
                reader.Read();
                grant = reader.TokenType == JsonTokenType.Null ? null : reader.GetDecimal();
            }
            else if (reader.ValueTextEquals("bindingLimit"u8))
            {
                reader.Read();
                binding = reader.GetString();
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }
        return (eligible, grant, binding);
    }

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType token)
    {
        if (!reader.Read() || reader.TokenType != token)
        {
            throw new JsonException($"expected {token}, found {reader.TokenType}");
        }
    }
}
