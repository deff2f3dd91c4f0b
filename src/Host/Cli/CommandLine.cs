using System.CommandLine;
using Decisioning.Host.Store;

namespace Decisioning.Host.Cli;

/// <summary>
/// The program's command line (System.CommandLine): parses, prints help (<c>--help</c> on the program and on every
/// command), refuses what does not parse with exit 2 and a suggestion, and runs the command's handler.
/// </summary>
public static class CommandLine
{
    /// <summary>Runs the command line; standard output carries only JSON (or a letter, or help), errors go to standard error.</summary>
    public static async Task<int> RunAsync(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        var symbols = new CliSymbols();
        var root = CommandTree.Build(symbols, (command, options, cancellation) => Dispatch(command, options, stdin, stdout, stderr, cancellation));
        var result = root.Parse(CommonOptionsLast(args, symbols));
        var configuration = new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null };
        if (result.Errors.Count == 0)
        {
            return await result.InvokeAsync(configuration);
        }
        foreach (var line in ParseErrorReport.Lines(result, symbols))
        {
            await stderr.WriteLineAsync(line);
        }
        return ExitCodes.BadInput;
    }

    /// <summary>
    /// Moves the common options (<c>--rules</c>, <c>--templates</c>, <c>--db</c>) written before the command to the end,
    /// since the contract accepts them before or after it.
    /// </summary>
    public static IReadOnlyList<string> CommonOptionsLast(IReadOnlyList<string> args, CliSymbols symbols)
    {
        var common = symbols.Common.Select(o => o.Name).ToHashSet();
        var moved = new List<string>();
        var i = 0;
        while (i < args.Count)
        {
            var name = args[i].Split('=', 2)[0];
            if (!common.Contains(name))
            {
                break;
            }
            var withValue = !args[i].Contains('=') && i + 1 < args.Count;
            moved.AddRange(args.Skip(i).Take(withValue ? 2 : 1));
            i += withValue ? 2 : 1;
        }
        return moved.Count == 0 ? args : [.. args.Skip(i), .. moved];
    }

    private static async Task<int> Dispatch(string command, CliOptions options, TextReader stdin, TextWriter stdout, TextWriter stderr, CancellationToken cancellation)
    {
        var commands = new Commands(options, stdin, stdout, stderr)
        {
            OpenLedger = StoreCommands.ReadLedger,
            ShowProgress = ReferenceEquals(stderr, Console.Error) && !Console.IsErrorRedirected,
        };
        var store = new StoreCommands(options, stdout, stderr);
        try
        {
            return command switch
            {
                "decide" => commands.Decide(check: false),
                "check" => commands.Decide(check: true),
                "decide-batch" => commands.DecideBatch(),
                "validate-rules" => commands.ValidateRules(),
                "serve" => await ServeCommand.RunAsync(options, stdout, stderr),
                "audit" => store.Audit(),
                "redecide" => store.Redecide(),
                "store" => StoreCommands.Copy(options.From, options.To, stdout, stderr),
                _ => throw new InvalidOperationException($"The command {command} has no handler."),
            };
        }
        catch (StoreOpenException ex)
        {
            await stderr.WriteLineAsync(ex.Message);
            return ExitCodes.Failure;
        }
    }
}
