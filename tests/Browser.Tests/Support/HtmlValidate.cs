using System.Diagnostics;

namespace Decisioning.Browser.Tests.Support;

/// <summary>
/// html-validate (npm, <c>tests/tools</c>) on a page's HTML as the server sent it: the recommended rules but
/// <c>void-style</c> (<c>.htmlvalidate.pages.json</c>), since Razor writes void elements self-closed
/// (<c>&lt;input /&gt;</c>), which HTML allows; the rule is one of style.
/// </summary>
internal static class HtmlValidate
{
    /// <summary>The errors html-validate finds in <paramref name="html"/> (empty when none).</summary>
    public static async Task<string> ErrorsAsync(string html, string name)
    {
        var cli = Path.Combine(RepoFolders.Tools, "node_modules", "html-validate", "bin", "html-validate.mjs");
        Assert.IsTrue(File.Exists(cli), $"html-validate is not installed: run 'npm ci' in {RepoFolders.Tools} (.ci/run does it)");
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = RepoFolders.Tools,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in new[] { cli, "--config", ".htmlvalidate.pages.json", "--formatter", "text", "--stdin", "--stdin-filename", name + ".html" })
        {
            start.ArgumentList.Add(arg);
        }
        using var node = Process.Start(start) ?? throw new AssertFailedException("node could not be started: is Node.js installed?");
        var stdout = node.StandardOutput.ReadToEndAsync();
        var stderr = node.StandardError.ReadToEndAsync();
        await node.StandardInput.WriteAsync(html);
        node.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await node.WaitForExitAsync(timeout.Token);
        return node.ExitCode == 0 ? "" : $"{await stdout}\n{await stderr}".Trim();
    }
}
