using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Decisioning.Rules;
using Decisioning.Tests.Support;

namespace Decisioning.Tests.Hostile;

/// <summary>
/// The hostile-input suite for rule sets, as data: every mutation in <c>tests/Hostile/rules/</c> is applied to a copy of
/// the repository's rule set and must be refused with the expected file, rule and reason, within the load's deadline.
/// Mutations that once crashed or hung the program (stack overflow, a division by zero at load, a chain of
/// parameters) run the built program in a child process, so a regression fails the test instead of the test host.
/// </summary>
[TestClass]
public sealed class RuleMutationTests
{
    private static readonly TimeSpan ChildLimit = RuleSetLimits.LoadDeadline + TimeSpan.FromSeconds(60);

    public static IEnumerable<object[]> Mutations() => RuleMutation.All().Select(f => new object[] { f });

    public static string MutationName(System.Reflection.MethodInfo _, object[] data) => (string)data[0];

    [TestMethod]
    [DynamicData(nameof(Mutations), DynamicDataDisplayName = nameof(MutationName))]
    public void Mutation_IsRefused_NamingFileRuleAndReason(string file)
    {
        var mutation = RuleMutation.Load(file);
        var copy = TestRules.CopyToTemp();
        try
        {
            mutation.Apply(copy.Root);
            var rules = Path.Combine(copy.Root, mutation.RulesPath);
            var errors = mutation.Run switch
            {
                "loader" => InProcess(rules, copy.Templates),
                "process" => ValidateRules(rules, copy.Templates),
                "serve" => Serve(rules, copy.Templates, Path.Combine(copy.Root, "cases.db")),
                _ => throw new InvalidOperationException($"{file}: unknown run '{mutation.Run}'"),
            };
            var expectFile = mutation.ExpectFile.Replace("{root}", copy.Root, StringComparison.Ordinal);
            var found = errors.Any(e => (mutation.Run == "serve" ? e.Message.Contains(expectFile, StringComparison.Ordinal) : e.File == expectFile)
                && (mutation.ExpectRule is null || e.Rule == mutation.ExpectRule)
                && e.Message.Contains(mutation.ExpectMessage, StringComparison.Ordinal));
            Assert.IsTrue(found, $"{file} ({mutation.Category}: {mutation.Description}): expected {expectFile} " +
                $"{mutation.ExpectRule} '{mutation.ExpectMessage}', got:\n  {string.Join("\n  ", errors)}");
        }
        finally
        {
            Directory.Delete(copy.Root, recursive: true);
        }
    }

    private static IReadOnlyList<RuleSetError> InProcess(string rules, string templates)
    {
        var watch = Stopwatch.StartNew();
        var ex = Assert.ThrowsExactly<RuleSetException>(() => RuleSetLoader.Load(rules, templates));
        Assert.IsLessThan(RuleSetLimits.LoadDeadline + TimeSpan.FromSeconds(5), watch.Elapsed, "the refusal took longer than the load's deadline");
        return ex.Errors;
    }

    /// <summary><c>validate-rules</c> in a child process: exit 1 (never 134, never killed at the limit), the errors as JSON.</summary>
    private static IReadOnlyList<RuleSetError> ValidateRules(string rules, string templates)
    {
        var run = Tools.Decisioning(ChildLimit, "validate-rules", "--rules", rules, "--templates", templates);
        Assert.IsFalse(run.TimedOut, $"validate-rules still ran after {ChildLimit}");
        Assert.AreEqual(1, run.Exit, $"validate-rules exited with {run.Exit}:\n{Tail(run.Err)}");
        var json = JsonNode.Parse(run.Out)!;
        Assert.IsFalse((bool)json["valid"]!);
        return json["errors"]!.AsArray().Select(e => new RuleSetError((string)e!["file"]!, (string?)e["rule"], (int?)e["line"], (string)e["message"]!)).ToList();
    }

    /// <summary><c>serve</c> in a child process on the broken folder: one line on standard error, exit 1.</summary>
    private static IReadOnlyList<RuleSetError> Serve(string rules, string templates, string db)
    {
        var run = Tools.Decisioning(ChildLimit, "serve", "--rules", rules, "--templates", templates, "--db", db, "--urls", $"http://127.0.0.1:{FreePort()}");
        Assert.IsFalse(run.TimedOut, $"serve was still running after {ChildLimit}: it started on a broken rule set");
        Assert.AreEqual(1, run.Exit, $"serve exited with {run.Exit}:\n{Tail(run.Err)}");
        var lines = run.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.HasCount(1, lines, "serve printed more than one line: " + Tail(run.Err));
        StringAssert.StartsWith(lines[0], "decisioning serve cannot start: the rule set was refused");
        // The one line lists every error as file:line: rule 'name': message; the test looks for the file and message in it.
        return [new RuleSetError("", null, null, lines[0])];
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string Tail(string text) => text.Length <= 2000 ? text : "…" + text[^2000..];
}
