using System.Globalization;
using System.Text.Json;
using Decisioning.Host.Store;
using Decisioning.Input;

namespace Decisioning.Host.Apis;

/// <summary>Parses the bodies after the grant (a milestone reached, a follow-up), naming every bad field by its JSON path.</summary>
public static class AfterGrantReader
{
    private const int MaxTextLength = 4000;

    /// <summary><c>{ "reachedOn": "2026-06-30", "note": "..." }</c>.</summary>
    public static InputResult<MilestoneRequest> Milestone(byte[] json, int milestone, string recordedBy) =>
        Read(json, "reachedOn and note", (root, errors) =>
        {
            var reachedOn = Date(root, "reachedOn", errors);
            var note = Text(root, "note", errors);
            return reachedOn is { } d ? new MilestoneRequest(milestone, d, note, recordedBy) : null;
        });

    /// <summary><c>{ "followUpOn", "headCount", "revenueDkk", "exportRevenueDkk", "exportRevenueBeforeDkk", "note" }</c>.</summary>
    public static InputResult<FollowUpRequest> FollowUp(byte[] json, string recordedBy) =>
        Read(json, "followUpOn, headCount, revenueDkk, exportRevenueDkk, exportRevenueBeforeDkk and note", (root, errors) =>
        {
            var on = Date(root, "followUpOn", errors);
            var heads = Number(root, "headCount", errors, max: 1_000_000);
            var revenue = Number(root, "revenueDkk", errors);
            var export = Number(root, "exportRevenueDkk", errors);
            var before = Number(root, "exportRevenueBeforeDkk", errors);
            var note = Text(root, "note", errors);
            if (on is null || heads is null || revenue is null || export is null || before is null)
            {
                return null;
            }
            return new FollowUpRequest
            {
                FollowUpOn = on.Value,
                HeadCount = (int)heads.Value,
                RevenueDkk = revenue.Value,
                ExportRevenueDkk = export.Value,
                ExportRevenueBeforeDkk = before.Value,
                Note = note,
                RecordedBy = recordedBy,
            };
        });

    /// <summary>A milestone number from the path: 1, 2, ...</summary>
    public static int? MilestoneNumber(string text, List<InputError> errors)
    {
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 1000)
        {
            return n;
        }
        errors.Add(new InputError("$.milestone", $"must be a milestone number from 1, not '{text}'"));
        return null;
    }

    private static InputResult<T> Read<T>(byte[] json, string fields, Func<JsonElement, List<InputError>, T?> read) where T : class
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(json.Length == 0 ? "{}"u8.ToArray() : json, new JsonDocumentOptions { MaxDepth = 8 });
        }
        catch (JsonException ex)
        {
            return new(null, [new InputError("$", "is not valid JSON: " + ex.Message)]);
        }
        using (doc)
        {
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
            {
                return new(null, [new InputError("$", $"must be a JSON object with {fields}")]);
            }
            var errors = new List<InputError>();
            var value = read(doc.RootElement, errors);
            return errors.Count > 0 || value is null ? new(null, errors) : new(value, []);
        }
    }

    private static DateOnly? Date(JsonElement root, string name, List<InputError> errors)
    {
        var path = "$." + name;
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            errors.Add(new InputError(path, "is required (a date, yyyy-MM-dd)"));
            return null;
        }
        if (value.ValueKind == JsonValueKind.String
            && DateOnly.TryParseExact(value.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
        {
            return d;
        }
        errors.Add(new InputError(path, "must be a date, yyyy-MM-dd"));
        return null;
    }

    private static decimal? Number(JsonElement root, string name, List<InputError> errors, decimal max = 1_000_000_000_000m)
    {
        var path = "$." + name;
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            errors.Add(new InputError(path, "is required"));
            return null;
        }
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetDecimal(out var n) || n < 0 || n > max || n != decimal.Truncate(n))
        {
            errors.Add(new InputError(path, $"must be a whole number from 0 to {max.ToString(CultureInfo.InvariantCulture)}"));
            return null;
        }
        return n;
    }

    private static string? Text(JsonElement root, string name, List<InputError> errors)
    {
        var path = "$." + name;
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }
        if (value.ValueKind != JsonValueKind.String)
        {
            errors.Add(new InputError(path, "must be a string"));
            return null;
        }
        var text = value.GetString()!;
        if (text.Length > MaxTextLength)
        {
            errors.Add(new InputError(path, $"must be at most {MaxTextLength} characters"));
            return null;
        }
        return string.IsNullOrWhiteSpace(text) ? null : text;
    }
}
