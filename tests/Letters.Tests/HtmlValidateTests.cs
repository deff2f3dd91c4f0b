using System.Diagnostics;
using Decisioning.Letters.Tests.Support;

namespace Decisioning.Letters.Tests;

/// <summary>
/// Every golden letter is valid HTML by html-validate (npm, installed in <c>tests/tools</c> by <c>.ci/run</c> with
/// <c>npm ci</c>): 0 errors under its recommended rules.
/// </summary>
[TestClass]
public sealed class HtmlValidateTests
{
    [TestMethod]
    public void EveryGoldenLetter_HasNoHtmlValidateError()
    {
        var tools = Path.Combine(Repo.Root, "tests", "tools");
        var cli = Path.Combine(tools, "node_modules", "html-validate", "bin", "html-validate.mjs");
        Assert.IsTrue(File.Exists(cli),
            $"html-validate is not installed: run 'npm ci' in {tools} (.ci/run does it) so the golden letters can be validated");
        var letters = Directory.EnumerateFiles(Repo.Letters, "*.golden.html").Order(StringComparer.Ordinal).ToList();
        Assert.IsGreaterThanOrEqualTo(34, letters.Count);
        var start = new ProcessStartInfo("node") { WorkingDirectory = tools, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(cli);
        start.ArgumentList.Add("--formatter");
        start.ArgumentList.Add("text");
        foreach (var letter in letters)
        {
            start.ArgumentList.Add(letter);
        }
        using var node = Process.Start(start) ?? throw new AssertFailedException("node could not be started: is Node.js installed?");
        var stdout = node.StandardOutput.ReadToEndAsync();
        var stderr = node.StandardError.ReadToEndAsync();
        Assert.IsTrue(node.WaitForExit(TimeSpan.FromMinutes(2)), "html-validate did not finish within 2 minutes");
        Assert.AreEqual(0, node.ExitCode, $"html-validate found errors in the golden letters:\n{stdout.Result}\n{stderr.Result}");
    }
}
