using Decisioning.Input;
using Decisioning.Model;
using Decisioning.Rules;

namespace Decisioning.Bench;

/// <summary>
/// The rule set and the applications every per-decision benchmark uses, loaded once: the JSON as compact UTF-8 lines (for the
/// parse+decide benchmark) and the parsed applications (for the decide-only benchmarks).
/// </summary>
public sealed class BenchInputs
{
    private BenchInputs(RuleSetSnapshot snapshot, IReadOnlyList<string> names, IReadOnlyList<byte[]> json, IReadOnlyList<Application> applications)
    {
        Snapshot = snapshot;
        Names = names;
        Json = json;
        Applications = applications;
    }

    public RuleSetSnapshot Snapshot { get; }

    /// <summary>The file names, for messages.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>Each application as one compact line of UTF-8 JSON.</summary>
    public IReadOnlyList<byte[]> Json { get; }

    public IReadOnlyList<Application> Applications { get; }

    /// <summary>Loads <c>rules/</c> and every <c>bench/Decisioning.Bench/applications/*.application.json</c>.</summary>
    public static BenchInputs Load()
    {
        var snapshot = RuleSetLoader.Load(RepoPaths.Rules, RepoPaths.Templates);
        var files = Directory.GetFiles(RepoPaths.Applications, "*.application.json").Order(StringComparer.Ordinal).ToList();
        if (files.Count == 0)
        {
            throw new InvalidOperationException($"No *.application.json in {RepoPaths.Applications}.");
        }
        var names = new List<string>();
        var json = new List<byte[]>();
        var applications = new List<Application>();
        foreach (var file in files)
        {
            var bytes = File.ReadAllBytes(file);
            var input = ApplicationReader.Read(bytes, snapshot.Policy);
            if (!input.IsValid)
            {
                throw new InvalidOperationException($"{file} is not a valid application: {string.Join("; ", input.Errors.Select(e => $"{e.Path} {e.Message}"))}");
            }
            names.Add(Path.GetFileName(file));
            // One compact line, as decide-batch reads it (the files are indented for people).
            json.Add(System.Text.Encoding.UTF8.GetBytes(System.Text.Json.Nodes.JsonNode.Parse(bytes)!.ToJsonString()));
            applications.Add(input.Value!);
        }
        return new BenchInputs(snapshot, names, json, applications);
    }
}
