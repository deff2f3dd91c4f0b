using System.Text.Json.Nodes;

namespace Decisioning.Tests.Support;

/// <summary>Compares an expected JSON subset with an actual JSON value; numbers compare as decimals.</summary>
internal static class JsonAssert
{
    /// <summary>Every property of <paramref name="expected"/> must equal the actual one; returns the differences.</summary>
    public static List<string> SubsetDifferences(JsonNode? expected, JsonNode? actual, string path)
    {
        var diffs = new List<string>();
        Compare(expected, actual, path, diffs);
        return diffs;
    }

    private static void Compare(JsonNode? expected, JsonNode? actual, string path, List<string> diffs)
    {
        switch (expected)
        {
            case null:
                if (actual is not null)
                {
                    diffs.Add($"{path}: expected null, got {actual.ToJsonString()}");
                }
                return;
            case JsonObject eo:
                if (actual is not JsonObject ao)
                {
                    diffs.Add($"{path}: expected an object, got {actual?.ToJsonString() ?? "null"}");
                    return;
                }
                foreach (var (key, value) in eo)
                {
                    if (!ao.ContainsKey(key))
                    {
                        diffs.Add($"{path}.{key}: missing");
                        continue;
                    }
                    Compare(value, ao[key], $"{path}.{key}", diffs);
                }
                return;
            case JsonArray ea:
                if (actual is not JsonArray aa || aa.Count != ea.Count)
                {
                    diffs.Add($"{path}: expected {ea.ToJsonString()}, got {actual?.ToJsonString() ?? "null"}");
                    return;
                }
                for (var i = 0; i < ea.Count; i++)
                {
                    Compare(ea[i], aa[i], $"{path}[{i}]", diffs);
                }
                return;
            case JsonValue ev:
                if (actual is not JsonValue av || !ValuesEqual(ev, av))
                {
                    diffs.Add($"{path}: expected {ev.ToJsonString()}, got {actual?.ToJsonString() ?? "null"}");
                }
                return;
        }
    }

    private static bool ValuesEqual(JsonValue e, JsonValue a)
    {
        if (e.GetValueKind() == System.Text.Json.JsonValueKind.Number && a.GetValueKind() == System.Text.Json.JsonValueKind.Number)
        {
            return e.GetValue<decimal>() == a.GetValue<decimal>();
        }
        return e.ToJsonString() == a.ToJsonString();
    }
}
