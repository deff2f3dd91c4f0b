using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Decisioning.Output;

/// <summary>
/// Writes a <see cref="Decision"/> to a <see cref="Utf8JsonWriter"/> field by field, for <c>decide-batch</c>, where the
/// serializer's metadata walk cost more than half of writing a line. The bytes are the serializer's under
/// <see cref="DecisionJson.Compact"/>: same names, order, nulls and numbers (<see cref="NormalizedDecimalConverter"/>);
/// the same for the <c>facts</c> block. <c>DecisionWriterTests</c> compares the two on every policy case and
/// on generated applications, so a property added to the record without a line here fails there.
/// </summary>
public static class DecisionWriter
{
    /// <summary>Writes <paramref name="d"/> as one JSON object; without <paramref name="withFacts"/> the <c>facts</c> property is left out.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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
            Date(w, "followUpDue"u8, due);
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
                WriteFacts(w, facts);
            }
            else
            {
                w.WriteNullValue();
            }
        }
        w.WriteEndObject();
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void WriteFacts(Utf8JsonWriter w, DecisionEvidence facts)
    {
        w.WriteStartObject();
        w.WriteStartArray("scorecard"u8);
        for (var i = 0; i < facts.Scorecard.Count; i++)
        {
            var c = facts.Scorecard[i];
            w.WriteStartObject();
            w.WriteString("criterion"u8, c.Criterion);
            w.WriteString("clause"u8, c.Clause);
            Number(w, "weight"u8, c.Weight);
            w.WriteStartArray("levels"u8);
            for (var j = 0; j < c.Levels.Count; j++)
            {
                var l = c.Levels[j];
                w.WriteStartObject();
                w.WriteString("level"u8, l.Level);
                w.WriteBoolean("met"u8, l.Met);
                w.WriteString("why"u8, l.Why);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WritePropertyName("selfFunding"u8);
        if (facts.SelfFunding is { } s)
        {
            w.WriteStartObject();
            w.WriteString("clause"u8, s.Clause);
            w.WriteBoolean("exempt"u8, s.Exempt);
            Number(w, "requiredDkk"u8, s.RequiredDkk);
            Number(w, "share"u8, s.Share);
            Number(w, "totalCostDkk"u8, s.TotalCostDkk);
            Number(w, "ownCashDkk"u8, s.OwnCashDkk);
            w.WriteBoolean("ok"u8, s.Ok);
            w.WriteEndObject();
        }
        else
        {
            w.WriteNullValue();
        }
        w.WriteStartArray("capsCounted"u8);
        for (var i = 0; i < facts.CapsCounted.Count; i++)
        {
            var c = facts.CapsCounted[i];
            w.WriteStartObject();
            w.WriteString("limit"u8, c.Limit);
            w.WriteString("clause"u8, c.Clause);
            Number(w, "capDkk"u8, c.CapDkk);
            Number(w, "usedDkk"u8, c.UsedDkk);
            Number(w, "remainingDkk"u8, c.RemainingDkk);
            w.WriteStartArray("grants"u8);
            for (var j = 0; j < c.Grants.Count; j++)
            {
                var g = c.Grants[j];
                w.WriteStartObject();
                Date(w, "decidedOn"u8, g.DecidedOn);
                w.WriteString("activity"u8, g.Activity);
                w.WriteString("level"u8, g.Level);
                w.WriteString("ageBand"u8, g.AgeBand);
                Number(w, "grantDkk"u8, g.GrantDkk);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();
        var b = facts.Budget;
        w.WriteStartObject("budget"u8);
        w.WriteString("activity"u8, b.Activity);
        w.WriteString("clause"u8, b.Clause);
        Number(w, "budgetDkk"u8, b.BudgetDkk);
        Number(w, "grantedDkk"u8, b.GrantedDkk);
        Number(w, "remainingDkk"u8, b.RemainingDkk);
        w.WriteString("period"u8, b.Period);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void Date(Utf8JsonWriter w, ReadOnlySpan<byte> name, DateOnly date)
    {
        Span<char> text = stackalloc char[10];
        date.TryFormat(text, out _, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        w.WriteString(name, text);
    }

    private static void Number(Utf8JsonWriter w, ReadOnlySpan<byte> name, decimal value)
    {
        w.WritePropertyName(name);
        Number(w, value);
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
