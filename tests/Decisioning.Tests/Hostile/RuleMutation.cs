using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Decisioning.Tests.Support;

namespace Decisioning.Tests.Hostile;

/// <summary>
/// One hostile or erroneous edit of the repository's rule set, read from <c>tests/Hostile/rules/*.json</c>: which
/// files to edit or create, how to load the result (in this process, or in a child process where it could crash or
/// hang the test host) and the refusal expected (file, rule, words of the message).
/// </summary>
internal sealed partial record RuleMutation
{
    public required string File { get; init; }
    public required string Category { get; init; }
    public required string Description { get; init; }
    public required string Run { get; init; }
    public required JsonArray Edits { get; init; }
    public required string ExpectFile { get; init; }
    public string? ExpectRule { get; init; }
    public required string ExpectMessage { get; init; }
    public string RulesPath { get; init; } = "rules";

    private static readonly List<Socket> Sockets = [];

    public static string Folder => Path.Combine(RepoPaths.Root, "tests", "Hostile", "rules");

    public static IEnumerable<string> All() => Directory.EnumerateFiles(Folder, "*.json").Select(Path.GetFileName).Order(StringComparer.Ordinal)!;

    public static RuleMutation Load(string file)
    {
        var json = JsonNode.Parse(System.IO.File.ReadAllText(Path.Combine(Folder, file)))!.AsObject();
        var expect = json["expect"]!.AsObject();
        return new RuleMutation
        {
            File = file,
            Category = (string)json["category"]!,
            Description = (string)json["description"]!,
            Run = (string?)json["run"] ?? "loader",
            Edits = json["edits"]!.AsArray(),
            ExpectFile = (string)expect["file"]!,
            ExpectRule = (string?)expect["rule"],
            ExpectMessage = (string)expect["message"]!,
            RulesPath = (string?)json["rulesPath"] ?? "rules",
        };
    }

    /// <summary>Applies the edits to a copy of the repository's rules and templates under <paramref name="root"/>.</summary>
    public void Apply(string root)
    {
        foreach (var edit in Edits.Select(e => e!.AsObject()))
        {
            var path = Path.Combine(root, (string)edit["file"]!);
            if (edit["find"] is { } find)
            {
                var text = System.IO.File.ReadAllText(path);
                var from = Expand((string)find!);
                if (!text.Contains(from, StringComparison.Ordinal))
                {
                    throw new InvalidOperationException($"{File}: {edit["file"]} no longer contains the text the mutation edits: {from}");
                }
                System.IO.File.WriteAllText(path, text.Replace(from, Expand((string)edit["replace"]!)));
                continue;
            }
            Create(path, (string)edit["create"]!, edit);
        }
    }

    private static void Create(string path, string kind, JsonObject edit)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        switch (kind)
        {
            case "fifo":
                Tools.Run("mkfifo", path);
                break;
            case "socket":
                var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                socket.Bind(new UnixDomainSocketEndPoint(path));
                Sockets.Add(socket); // open for the test run: closing a bound socket removes its file
                break;
            case "link":
                System.IO.File.CreateSymbolicLink(path, (string)edit["target"]!);
                break;
            case "file":
                System.IO.File.WriteAllBytes(path, Encoding.UTF8.GetBytes(new string('x', (int)edit["bytes"]!)));
                break;
            case "files":
                Directory.CreateDirectory(path);
                for (var i = 0; i < (int)edit["count"]!; i++)
                {
                    System.IO.File.WriteAllBytes(Path.Combine(path, $"note-{i:D5}.md"), new byte[(int?)edit["bytes"] ?? 1]);
                }
                break;
            case "folders":
                var dir = path;
                for (var i = 0; i < (int)edit["depth"]!; i++)
                {
                    dir = Path.Combine(dir, "d" + i);
                }
                Directory.CreateDirectory(dir);
                System.IO.File.WriteAllText(Path.Combine(dir, "note.md"), "deep");
                break;
            default:
                throw new InvalidOperationException($"unknown kind of file to create: {kind}");
        }
    }

    /// <summary>Expands <c>[[repeat N|TEXT]]</c> (TEXT N times; <c>{i}</c> and <c>{i-1}</c> are the count from 1).</summary>
    public static string Expand(string text) => Repeat().Replace(text, m =>
    {
        var n = int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        var sb = new StringBuilder();
        for (var i = 1; i <= n; i++)
        {
            sb.Append(m.Groups[2].Value.Replace("{i}", i.ToString(System.Globalization.CultureInfo.InvariantCulture))
                .Replace("{i-1}", (i - 1).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
        return sb.ToString();
    });

    [GeneratedRegex(@"\[\[repeat (\d+)\|(.*?)\]\]", RegexOptions.Singleline)]
    private static partial Regex Repeat();
}
