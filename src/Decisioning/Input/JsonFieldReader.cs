using System.Globalization;
using System.Text.Json;
using Decisioning.Model;

namespace Decisioning.Input;

/// <summary>
/// Reads typed fields out of a JSON object and collects an error, named by JSON path, for every field that is
/// missing, mistyped or out of range, so one pass reports all of them.
/// </summary>
internal sealed class JsonFieldReader
{
    public List<InputError> Errors { get; } = [];

    public void Error(string path, string message) => Errors.Add(new InputError(path, message));

    /// <summary>The property, or null when it is absent or JSON null (an error when required).</summary>
    public JsonElement? Field(JsonElement obj, string path, string name, bool required)
    {
        if (obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null)
        {
            return value;
        }
        if (required)
        {
            Error(Join(path, name), "is required");
        }
        return null;
    }

    public JsonElement? Object(JsonElement obj, string path, string name, bool required)
    {
        var e = Field(obj, path, name, required);
        if (e is { } v && v.ValueKind != JsonValueKind.Object)
        {
            Error(Join(path, name), $"must be an object, not {Kind(v)}");
            return null;
        }
        return e;
    }

    public JsonElement? Array(JsonElement obj, string path, string name, bool required)
    {
        var e = Field(obj, path, name, required);
        if (e is { } v && v.ValueKind != JsonValueKind.Array)
        {
            Error(Join(path, name), $"must be an array, not {Kind(v)}");
            return null;
        }
        return e;
    }

    public string? String(JsonElement obj, string path, string name, bool required, bool nonEmpty = true)
    {
        var e = Field(obj, path, name, required);
        if (e is not { } v)
        {
            return null;
        }
        if (v.ValueKind != JsonValueKind.String)
        {
            Error(Join(path, name), $"must be a string, not {Kind(v)}");
            return null;
        }
        var s = v.GetString()!;
        if (nonEmpty && string.IsNullOrWhiteSpace(s))
        {
            Error(Join(path, name), "must not be empty");
            return null;
        }
        return s;
    }

    public bool? Bool(JsonElement obj, string path, string name, bool required)
    {
        var e = Field(obj, path, name, required);
        if (e is not { } v)
        {
            return null;
        }
        if (v.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return v.GetBoolean();
        }
        Error(Join(path, name), $"must be true or false, not {Kind(v)}");
        return null;
    }

    /// <summary>A whole number within [min, max].</summary>
    public long? Whole(JsonElement obj, string path, string name, bool required, long min, long max, string what)
    {
        var e = Field(obj, path, name, required);
        if (e is not { } v)
        {
            return null;
        }
        if (v.ValueKind != JsonValueKind.Number)
        {
            Error(Join(path, name), $"must be a whole number ({what}), not {Kind(v)}");
            return null;
        }
        if (!v.TryGetDecimal(out var d) || d != decimal.Truncate(d))
        {
            Error(Join(path, name), $"must be a whole number ({what}), not {v.GetRawText()}");
            return null;
        }
        if (d < min || d > max)
        {
            Error(Join(path, name), d < min ? $"must be at least {min} ({what}), not {v.GetRawText()}" : $"must be at most {max} ({what})");
            return null;
        }
        return (long)d;
    }

    /// <summary>Money: whole Danish kroner, not negative.</summary>
    public decimal? Money(JsonElement obj, string path, string name, bool required) =>
        Whole(obj, path, name, required, 0, 1_000_000_000_000, "whole Danish kroner") is { } v ? v : null;

    /// <summary>A number (fractions allowed) within [min, max].</summary>
    public decimal? Number(JsonElement obj, string path, string name, bool required, decimal min, decimal max)
    {
        var e = Field(obj, path, name, required);
        if (e is not { } v)
        {
            return null;
        }
        if (v.ValueKind != JsonValueKind.Number || !v.TryGetDecimal(out var d))
        {
            Error(Join(path, name), $"must be a number, not {Kind(v)}");
            return null;
        }
        if (d < min || d > max)
        {
            Error(Join(path, name), $"must be between {min.ToString(CultureInfo.InvariantCulture)} and {max.ToString(CultureInfo.InvariantCulture)}, not {v.GetRawText()}");
            return null;
        }
        return d;
    }

    public DateOnly? Date(JsonElement obj, string path, string name, bool required)
    {
        var s = String(obj, path, name, required);
        if (s is null)
        {
            return null;
        }
        if (DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
        {
            if (DateBounds.Problem(d) is { } outOfBounds)
            {
                Error(Join(path, name), outOfBounds);
                return null;
            }
            return d;
        }
        Error(Join(path, name), $"must be a date yyyy-MM-dd that exists, not '{s}'");
        return null;
    }

    public Ordinal? Word(JsonElement obj, string path, string name, bool required, EnumerationScale? scale)
    {
        var s = String(obj, path, name, required);
        if (s is null)
        {
            return null;
        }
        if (scale is null)
        {
            Error(Join(path, name), "has no enumeration in the active rule set");
            return null;
        }
        if (scale.RankOf(s) is null)
        {
            Error(Join(path, name), $"must be one of {string.Join(", ", scale.Words)}, not '{s}'");
            return null;
        }
        return new Ordinal(scale, s);
    }

    public static string Join(string path, string name) => path + "." + name;

    public static string Index(string path, int i) => path + "[" + i.ToString(CultureInfo.InvariantCulture) + "]";

    private static string Kind(JsonElement v) => v.ValueKind switch
    {
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        _ => v.ValueKind.ToString().ToLowerInvariant(),
    };
}
