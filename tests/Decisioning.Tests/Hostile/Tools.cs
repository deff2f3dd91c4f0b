using System.Diagnostics;

namespace Decisioning.Tests.Hostile;

/// <summary>Runs a program (a system tool, or the built <c>decisioning</c>) as a child process with a time limit.</summary>
internal static class Tools
{
    /// <summary>The built command-line program, next to the test assembly.</summary>
    public static string Program => Path.Combine(AppContext.BaseDirectory, "decisioning.dll");

    public sealed record Result(int Exit, string Out, string Err, TimeSpan Took, bool TimedOut);

    /// <summary>Runs a system tool and fails the test when it does not succeed.</summary>
    public static void Run(string tool, params string[] args)
    {
        var r = Start(tool, args, TimeSpan.FromSeconds(30));
        if (r.Exit != 0)
        {
            throw new InvalidOperationException($"{tool} failed ({r.Exit}): {r.Err}");
        }
    }

    /// <summary>Runs <c>dotnet decisioning.dll ARGS</c>; kills it at <paramref name="limit"/>.</summary>
    public static Result Decisioning(TimeSpan limit, params string[] args) => Start("dotnet", [Program, .. args], limit);

    public static Result Start(string file, string[] args, TimeSpan limit)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["DOTNET_DbgEnableMiniDump"] = "0";
        var watch = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        var exited = process.WaitForExit(limit);
        if (!exited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }
        return new Result(exited ? process.ExitCode : -1, output.GetAwaiter().GetResult(), error.GetAwaiter().GetResult(), watch.Elapsed, !exited);
    }
}
