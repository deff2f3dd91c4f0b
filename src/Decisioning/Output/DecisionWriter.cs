using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Decisioning.Output;

/// <summary>
/// Writes a <see cref="Decision"/> to a <see cref="Utf8JsonWriter"/> field by field, for <c>decide-batch</c>, where the
/// serializer's metadata walk cost more than half of writing a line. The bytes are the serializer's under
/// <see cref="DecisionJson.Compact"/>: same names, order, nulls and numbers (<see cref="NormalizedDecimalConverter"/>);
/// the <c>facts</c> block is left to the serializer. <c>DecisionWriterTests</c> compares the two on every policy case and
/// on generated applications, so a property added to the record without a line here fails there.
/// </summary>
public static class DecisionWriter
{
    private static readonly JsonTypeInfo<DecisionEvidence> Facts = (JsonTypeInfo<DecisionEvidence>)DecisionJson.Compact.GetTypeInfo(typeof(DecisionEvidence));

    /// <summary>Writes <paramref name="d"/> as one JSON object; without <paramref name="withFacts"/> the <c>facts</c> property is left out.</summary>
    public static void Write(Utf8JsonWriter w, Decision d, bool withFacts)
    {
        w.WriteStartObject();
        w.WriteString("decisionId"u8, d.DecisionId);
        w.WriteString("applicationId"u8, d.ApplicationId);
        w.WriteString("programme"u8, d.Programme);
        w.WriteString("activity"u8, d.Activity);
        w.WriteString("outcome"u8, d.Outcome);
        w.WriteString("decisionBody"u8, d.DecisionBody);
        w.WriteString("level"u8, d.Level);
        w.WriteStartObject("scores"u8);
        foreach (var (key, value) in d.Scores)
        {
            w.WritePropertyName(key);
            Number(w, value);
        }
        w.WriteEndObject();
        w.WriteNumber("ageYears"u8, d.AgeYears);
        w.WriteString("ageBand"u8, d.AgeBand);
        w.WritePropertyName("growthCompany"u8);
        Bool(w, d.GrowthCompany);
        w.WriteStartArray("checks"u8);
        for (var i = 0; i < d.Checks.Count; i++)
        {
            var c = d.Checks[i];
            w.WriteStartObject();
            w.WriteString("id"u8, c.Id);
            w.WriteBoolean("passed"u8, c.Passed);
            w.WriteString("message"u8, c.Message);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("reasons"u8);
        for (var i = 0; i < d.Reasons.Count; i++)
        {
            var r = d.Reasons[i];
            w.WriteStartObject();
            w.WriteString("id"u8, r.Id);
            w.WriteString("message"u8, r.Message);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WritePropertyName("coFinancing"u8);
        if (d.CoFinancing is { } f)
        {
            w.WriteStartObject();
            Number(w, "share"u8, f.Share);
            Number(w, "eligibleDkk"u8, f.EligibleDkk);
            Number(w, "grantDkk"u8, f.GrantDkk);
            w.WriteString("bindingLimit"u8, f.BindingLimit);
            Number(w, "levelCapDkk"u8, f.LevelCapDkk);
            Number(w, "levelCapRemainingDkk"u8, f.LevelCapRemainingDkk);
            Number(w, "lifetimeCapDkk"u8, f.LifetimeCapDkk);
            Number(w, "lifetimeCapRemainingDkk"u8, f.LifetimeCapRemainingDkk);
            Number(w, "participantCapRemainingDkk"u8, f.ParticipantCapRemainingDkk);
            Number(w, "budgetRemainingDkk"u8, f.BudgetRemainingDkk);
            Number(w, "selfFundingRequiredDkk"u8, f.SelfFundingRequiredDkk);
            w.WriteBoolean("selfFundingOk"u8, f.SelfFundingOk);
            w.WriteEndObject();
        }
        else
        {
            w.WriteNullValue();
        }
        w.WriteBoolean("keyAccountManager"u8, d.KeyAccountManager);
        if (d.FollowUpDue is { } due)
        {
            Span<char> text = stackalloc char[10];
            due.TryFormat(text, out _, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            w.WriteString("followUpDue"u8, text);
        }
        else
        {
            w.WriteNull("followUpDue"u8);
        }
        w.WriteStartArray("conditions"u8);
        for (var i = 0; i < d.Conditions.Count; i++)
        {
            w.WriteStringValue(d.Conditions[i]);
        }
        w.WriteEndArray();
        Number(w, "expectedJobs"u8, d.ExpectedJobs);
        w.WriteStartObject("ruleSet"u8);
        w.WriteString("version"u8, d.RuleSet.Version);
        w.WriteString("hash"u8, d.RuleSet.Hash);
        w.WriteEndObject();
        if (withFacts)
        {
            w.WritePropertyName("facts"u8);
            if (d.Facts is { } facts)
            {
                JsonSerializer.Serialize(w, facts, Facts);
            }
            else
            {
                w.WriteNullValue();
            }
        }
        w.WriteEndObject();
    }

    private static void Number(Utf8JsonWriter w, ReadOnlySpan<byte> name, decimal? value)
    {
        w.WritePropertyName(name);
        if (value is { } v)
        {
            Number(w, v);
        }
        else
        {
            w.WriteNullValue();
        }
    }

    private static void Number(Utf8JsonWriter w, decimal value) => NormalizedDecimalConverter.WriteValue(w, value);

    private static void Bool(Utf8JsonWriter w, bool? value)
    {
        if (value is { } b)
        {
            w.WriteBooleanValue(b);
        }
        else
        {
            w.WriteNullValue();
        }
    }
}
