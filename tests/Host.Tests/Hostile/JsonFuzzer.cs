using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Decisioning.Host.Tests.Hostile;

/// <summary>
/// Seeded generator of hostile JSON bodies: a valid sample with one member replaced, removed or duplicated, a
/// byte-level mutation of it (flipped, inserted or cut bytes, invalid UTF-8), or a random JSON value. The same seed
/// gives the same sequence of bodies.
/// </summary>
internal sealed class JsonFuzzer(int seed)
{
    private static readonly string[] Strings =
    [
        "", " ", "\u0000", "\ud800", "\udc00x", "é", "e\u0301", "\u202e", "😀", "'", "\"", "<script>alert(1)</script>", "\\", "../..",
        "approve", "reject", "A", "B", "C", "2026-02-30", "2026-03-02", "0000-01-01", "9999-12-31", "-1", "NaN", "null", "eksport-2017",
        "individual-growth", "germany", "Midtjylland", "SMP-2026-0001", "\r\n", new string('x', 70),
    ];

    private static readonly string[] Numbers =
    [
        "0", "-0", "1", "-1", "0.5", "1e3", "1E-400", "1e400", "-1e308", "79228162514264337593543950336", "79228162514264337593543950335",
        "0.0000000000000000000000000001", "2147483648", "-9223372036854775809", "120000", "1000000000001", "23.000", "1.5e1",
    ];

    private readonly Random _random = new(seed);

    public int Next(int max) => _random.Next(max);

    /// <summary>The sample with one mutation, as bytes, and what was done (for the failure message).</summary>
    public (byte[] Body, string What) Mutate(JsonObject sample)
    {
        var kind = _random.Next(10);
        if (kind < 5)
        {
            var (parent, key) = PickMember(sample);
            var what = $"member {key} ";
            switch (_random.Next(4))
            {
                case 0:
                    Remove(parent, key);
                    return (Bytes(sample), what + "removed");
                case 1:
                    var text = sample.ToJsonString();
                    var name = key is string s ? $"\"{s}\":" : null;
                    var at = name is null ? -1 : text.IndexOf(name, StringComparison.Ordinal);
                    return at < 0 ? (Bytes(sample), what + "kept") : (Encoding.UTF8.GetBytes(text.Insert(at, name + Value(2).ToJsonString() + ",")), what + "duplicated");
                default:
                    Replace(parent, key, RandomNode(3));
                    return (Bytes(sample), what + "replaced");
            }
        }
        var bytes = Bytes(sample);
        return kind switch
        {
            5 => (Flip(bytes), "bytes flipped"),
            6 => (Insert(bytes), "bytes inserted"),
            7 => (bytes[.._random.Next(bytes.Length)], "cut short"),
            8 => (Encoding.UTF8.GetBytes(RandomNode(4)?.ToJsonString() ?? "null"), "random value"),
            _ => (Nest(bytes), "deeply nested"),
        };
    }

    private JsonNode? RandomNode(int depth)
    {
        var choice = _random.Next(depth < 0 ? 4 : depth == 0 ? 5 : 8);
        return choice switch
        {
            0 => null,
            1 => _random.Next(2) == 0,
            2 => JsonNode.Parse(Numbers[_random.Next(Numbers.Length)]),
            3 => Strings[_random.Next(Strings.Length)],
            4 => new string((char)('a' + _random.Next(26)), _random.Next(3) == 0 ? _random.Next(6000) : _random.Next(40)),
            5 when _random.Next(3) == 0 => new JsonArray(Enumerable.Range(0, _random.Next(1200)).Select(_ => RandomNode(-1)).ToArray()),
            5 => new JsonArray(Enumerable.Range(0, _random.Next(4)).Select(_ => RandomNode(depth - 2)).ToArray()),
            _ => RandomObject(depth - 1),
        };
    }

    private JsonNode Value(int depth) => RandomNode(depth) ?? JsonValue.Create(0);

    private JsonObject RandomObject(int depth)
    {
        var o = new JsonObject();
        var n = _random.Next(6);
        for (var i = 0; i < n; i++)
        {
            o[Strings[_random.Next(Strings.Length)] + i.ToString(CultureInfo.InvariantCulture)] = RandomNode(depth);
        }
        return o;
    }

    private (JsonNode Parent, object Key) PickMember(JsonObject root)
    {
        JsonNode parent = root;
        object key = root.Select(p => p.Key).ElementAt(_random.Next(root.Count));
        while (_random.Next(3) > 0 && Child(parent, key) is { } child && (child is JsonObject { Count: > 0 } || child is JsonArray { Count: > 0 }))
        {
            parent = child;
            key = child is JsonObject o ? o.Select(p => p.Key).ElementAt(_random.Next(o.Count)) : _random.Next(((JsonArray)child).Count);
        }
        return (parent, key);
    }

    private static JsonNode? Child(JsonNode parent, object key) => key is string s ? parent[s] : parent[(int)key];

    private static void Remove(JsonNode parent, object key)
    {
        if (key is string s)
        {
            parent.AsObject().Remove(s);
        }
        else
        {
            parent.AsArray().RemoveAt((int)key);
        }
    }

    private static void Replace(JsonNode parent, object key, JsonNode? value)
    {
        if (key is string s)
        {
            parent[s] = value;
        }
        else
        {
            parent[(int)key] = value;
        }
    }

    private byte[] Flip(byte[] bytes)
    {
        for (var i = 0; i < 1 + _random.Next(4); i++)
        {
            bytes[_random.Next(bytes.Length)] = (byte)_random.Next(256);
        }
        return bytes;
    }

    private byte[] Insert(byte[] bytes)
    {
        var junk = new byte[1 + _random.Next(6)];
        _random.NextBytes(junk);
        var at = _random.Next(bytes.Length);
        return [.. bytes.AsSpan(0, at), .. junk, .. bytes.AsSpan(at)];
    }

    private byte[] Nest(byte[] bytes)
    {
        var depth = _random.Next(2) == 0 ? 31 + _random.Next(4) : _random.Next(200_000);
        return [.. Encoding.ASCII.GetBytes("{\"x\":" + new string('[', depth)), .. bytes];
    }

    private static byte[] Bytes(JsonNode node) => Encoding.UTF8.GetBytes(node.ToJsonString());
}
