using System.Text.Json;
using System.Text.Json.Nodes;
using Decisioning.Input;
using Decisioning.Tests.Support;

namespace Decisioning.Tests;

/// <summary>
/// The reader's errors as data: every file in <c>tests/InputCases</c> holds an input (mode <c>decide</c> or
/// <c>check</c>) and the errors it must give, by JSON path and message; an empty list means the input is accepted.
/// <c>UPDATE_GOLDEN=1</c> rewrites the expected errors from the reader (review the diff).
/// </summary>
[TestClass]
public sealed class InputCaseTests
{
    private static string Folder => Path.Combine(RepoPaths.Root, "tests", "InputCases");

    public static IEnumerable<object[]> Cases() =>
        Directory.EnumerateFiles(Folder, "*.json").Order(StringComparer.Ordinal).Select(f => new object[] { Path.GetFileName(f) });

    [TestMethod]
    [DynamicData(nameof(Cases))]
    public void InputCase_GivesExactlyTheExpectedErrors(string file)
    {
        var path = Path.Combine(Folder, file);
        var node = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        var input = (string)node["input"]!;
        var result = ApplicationReader.Read(input, TestRules.Snapshot.Policy, requireProject: (string?)node["mode"] != "check");
        var actual = result.Errors.Select(e => e.Path + ": " + e.Message).Order(StringComparer.Ordinal).ToList();
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            node["errors"] = new JsonArray(actual.Select(a => (JsonNode)a).ToArray());
            File.WriteAllText(path, node.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n");
            return;
        }
        var expected = node["errors"]!.AsArray().Select(e => (string)e!).Order(StringComparer.Ordinal).ToList();
        CollectionAssert.AreEqual(expected, actual, $"{file}: got\n{string.Join("\n", actual)}");
        Assert.AreEqual(expected.Count == 0, result.IsValid);
    }
}
