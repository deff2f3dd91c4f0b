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
            NormalizedDecimalConverter.WriteValue(w, value);
        }
        w.WriteEndObject();
        w.WriteNumber("ageYears"u8, d.AgeYears);
        w.WriteString("ageBand"u8, d.AgeBand);
        w.WritePropertyName("growthCompany"u8);
        if (d.GrowthCompany is { } growth)
        {
            w.WriteBooleanValue(growth);
        }
        else
        {
            w.WriteNullValue();
        }
        Objects(w, "checks"u8, d.Checks, static (w, c) =>
        {
            w.WriteString("id"u8, c.Id);
            w.WriteBoolean("passed"u8, c.Passed);
            w.WriteString("message"u8, c.Message);
        });
        Objects(w, "reasons"u8, d.Reasons, static (w, r) =>
        {
            w.WriteString("id"u8, r.Id);
            w.WriteString("message"u8, r.Message);
        });
        ObjectOrNull(w, "coFinancing"u8, d.CoFinancing, static (w, f) =>
        {
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
        });
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
            ObjectOrNull(w, "facts"u8, d.Facts, WriteFacts);
        }
        w.WriteEndObject();
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void WriteFacts(Utf8JsonWriter w, DecisionEvidence facts)
    {
        Objects(w, "scorecard"u8, facts.Scorecard, static (w, c) =>
        {
            w.WriteString("criterion"u8, c.Criterion);
            w.WriteString("clause"u8, c.Clause);
            Number(w, "weight"u8, c.Weight);
            Objects(w, "levels"u8, c.Levels, static (w, l) =>
            {
                w.WriteString("level"u8, l.Level);
                w.WriteBoolean("met"u8, l.Met);
                w.WriteString("why"u8, l.Why);
            });
        });
        ObjectOrNull(w, "selfFunding"u8, facts.SelfFunding, static (w, s) =>
        {
            w.WriteString("clause"u8, s.Clause);
            w.WriteBoolean("exempt"u8, s.Exempt);
            Number(w, "requiredDkk"u8, s.RequiredDkk);
            Number(w, "share"u8, s.Share);
            Number(w, "totalCostDkk"u8, s.TotalCostDkk);
            Number(w, "ownCashDkk"u8, s.OwnCashDkk);
            w.WriteBoolean("ok"u8, s.Ok);
        });
        Objects(w, "capsCounted"u8, facts.CapsCounted, static (w, c) =>
        {
            w.WriteString("limit"u8, c.Limit);
            w.WriteString("clause"u8, c.Clause);
            Number(w, "capDkk"u8, c.CapDkk);
            Number(w, "usedDkk"u8, c.UsedDkk);
            Number(w, "remainingDkk"u8, c.RemainingDkk);
            Objects(w, "grants"u8, c.Grants, static (w, g) =>
            {
                Date(w, "decidedOn"u8, g.DecidedOn);
                w.WriteString("activity"u8, g.Activity);
                w.WriteString("level"u8, g.Level);
                w.WriteString("ageBand"u8, g.AgeBand);
                Number(w, "grantDkk"u8, g.GrantDkk);
            });
        });
        ObjectOrNull(w, "budget"u8, facts.Budget, static (w, b) =>
        {
            w.WriteString("activity"u8, b.Activity);
            w.WriteString("clause"u8, b.Clause);
            Number(w, "budgetDkk"u8, b.BudgetDkk);
            Number(w, "grantedDkk"u8, b.GrantedDkk);
            Number(w, "remainingDkk"u8, b.RemainingDkk);
            w.WriteString("period"u8, b.Period);
        });
    }

    /// <summary>An array property of objects, each written by <paramref name="fields"/> between its braces.</summary>
    private static void Objects<T>(Utf8JsonWriter w, ReadOnlySpan<byte> name, IReadOnlyList<T> items, Action<Utf8JsonWriter, T> fields)
    {
        w.WriteStartArray(name);
        for (var i = 0; i < items.Count; i++)
        {
            w.WriteStartObject();
            fields(w, items[i]);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    /// <summary>An object property written by <paramref name="fields"/>, or null.</summary>
    private static void ObjectOrNull<T>(Utf8JsonWriter w, ReadOnlySpan<byte> name, T? value, Action<Utf8JsonWriter, T> fields)
        where T : class
    {
        w.WritePropertyName(name);
        if (value is null)
        {
            w.WriteNullValue();
            return;
        }
        w.WriteStartObject();
        fields(w, value);
        w.WriteEndObject();
    }

    private static void Date(Utf8JsonWriter w, ReadOnlySpan<byte> name, DateOnly date)
    {
        Span<char> text = stackalloc char[10];
        date.TryFormat(text, out _, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        w.WriteString(name, text);
    }

    private static void Number(Utf8JsonWriter w, ReadOnlySpan<byte> name, decimal? value)
    {
        w.WritePropertyName(name);
        if (value is { } v)
        {
            NormalizedDecimalConverter.WriteValue(w, v);
        }
        else
        {
            w.WriteNullValue();
        }
    }
}
