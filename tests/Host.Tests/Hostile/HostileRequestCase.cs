using System.Text;
using System.Text.Json.Nodes;

namespace Decisioning.Host.Tests.Hostile;

/// <summary>
/// One hostile request from <c>tests/Hostile/requests/*.json</c>: the endpoint, the role's key, a body (a sample with
/// members set, raw text or raw bytes, then byte-level patches) and the refusal expected (status and JSON paths).
/// The file format is described in <c>tests/Hostile/README.md</c>.
/// </summary>
internal sealed record HostileRequestCase(string Name, JsonObject Spec)
{
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "Hostile", "requests");

    public static IEnumerable<object[]> All() =>
        Directory.EnumerateFiles(Folder, "*.json").Order(StringComparer.Ordinal)
            .Select(f => new object[] { Path.GetFileNameWithoutExtension(f) });

    public static HostileRequestCase Load(string name) =>
        new(name, JsonNode.Parse(File.ReadAllText(Path.Combine(Folder, name + ".json")))!.AsObject());

    public string Category => (string)Spec["category"]!;
    public HttpMethod Method => new(((string)Spec["request"]!).Split(' ')[0]);
    public string Target(string storedId) => ((string)Spec["request"]!).Split(' ')[1].Replace("{id}", storedId, StringComparison.Ordinal);
    public string? Role => (string?)Spec["role"];
    public bool Chunked => (bool?)Spec["chunked"] ?? false;
    public int ExpectedStatus => (int)Spec["expect"]!["status"]!;
    public IReadOnlyList<string>? ExpectedPaths => Spec["expect"]!["paths"]?.AsArray().Select(p => (string)p!).ToList();

    /// <summary>The body's bytes; <paramref name="freshId"/> replaces the sample application's id unless the case sets one.</summary>
    public byte[] Body(string freshId)
    {
        byte[] bytes;
        if (Spec["base64"] is { } raw)
        {
            bytes = Convert.FromBase64String((string)raw!);
        }
        else if (Spec["text"] is { } text)
        {
            bytes = Encoding.UTF8.GetBytes((string)text!);
        }
        else
        {
            var sample = Sample((string)Spec["sample"]!, freshId);
            foreach (var (path, value) in Spec["set"]?.AsObject() ?? [])
            {
                Set(sample, path, Expand(value));
            }
            bytes = Encoding.UTF8.GetBytes(sample.ToJsonString());
        }
        foreach (var patch in Spec["patch"]?.AsArray() ?? [])
        {
            bytes = Patch(bytes, patch!.AsObject());
        }
        return bytes;
    }

    private static JsonObject Sample(string name, string freshId) => name switch
    {
        "application" => Applications.Create(freshId),
        "final-decision" => new JsonObject { ["outcome"] = "approve", ["grantDkk"] = 120000, ["decidedBy"] = "A. Holm" },
        _ => throw new InvalidOperationException($"unknown sample '{name}'"),
    };

    /// <summary>Value macros: <c>$repeat</c>/<c>times</c> a long string, <c>$items</c>/<c>times</c> a long array, <c>$nest</c> nested arrays.</summary>
    private static JsonNode? Expand(JsonNode? value)
    {
        if (value is not JsonObject macro)
        {
            return value?.DeepClone();
        }
        if (macro["$repeat"] is { } text)
        {
            return string.Concat(Enumerable.Repeat((string)text!, (int)macro["times"]!));
        }
        if (macro.ContainsKey("$items"))
        {
            return new JsonArray(Enumerable.Range(0, (int)macro["times"]!).Select(_ => macro["$items"]?.DeepClone()).ToArray());
        }
        if (macro["$nest"] is { } depth)
        {
            JsonNode node = new JsonArray();
            for (var i = 1; i < (int)depth; i++)
            {
                node = new JsonArray(node);
            }
            return node;
        }
        return macro.DeepClone();
    }

    /// <summary>Sets a member at a path like <c>$.project.milestones[0].name</c>.</summary>
    private static void Set(JsonObject root, string path, JsonNode? value)
    {
        var steps = path[2..].Split('.');
        JsonNode node = root;
        for (var i = 0; i < steps.Length; i++)
        {
            var step = steps[i];
            var bracket = step.IndexOf('[');
            var name = bracket < 0 ? step : step[..bracket];
            var last = i == steps.Length - 1;
            if (bracket < 0 && last)
            {
                node.AsObject()[name] = value;
                return;
            }
            node = node[name]!;
            if (bracket >= 0)
            {
                var index = int.Parse(step[(bracket + 1)..^1], System.Globalization.CultureInfo.InvariantCulture);
                if (last)
                {
                    node.AsArray()[index] = value;
                    return;
                }
                node = node[index]!;
            }
        }
    }

    /// <summary>Replaces the first occurrence of <c>find</c> (or appends, when it is empty) with the patch's bytes.</summary>
    private static byte[] Patch(byte[] body, JsonObject patch)
    {
        var replacement = new List<byte>();
        replacement.AddRange(Encoding.UTF8.GetBytes((string?)patch["replace"] ?? ""));
        if (patch["replaceBase64"] is { } b64)
        {
            replacement.AddRange(Convert.FromBase64String((string)b64!));
        }
        if (patch["repeat"] is { } repeat)
        {
            replacement.AddRange(Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat((string)repeat!, (int)patch["times"]!))));
        }
        if (patch["members"] is { } members)
        {
            replacement.AddRange(Encoding.UTF8.GetBytes(string.Join(",", Enumerable.Range(0, (int)members).Select(i => $"\"m{i}\":{i}"))));
        }
        replacement.AddRange(Encoding.UTF8.GetBytes((string?)patch["suffix"] ?? ""));
        var find = Encoding.UTF8.GetBytes((string)patch["find"]!);
        var at = find.Length == 0 ? body.Length : body.AsSpan().IndexOf(find);
        if (at < 0)
        {
            throw new InvalidOperationException($"patch: '{(string)patch["find"]!}' is not in the body");
        }
        return [.. body.AsSpan(0, at), .. replacement, .. body.AsSpan(at + find.Length)];
    }
}
