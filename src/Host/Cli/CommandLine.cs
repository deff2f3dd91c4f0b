using Decisioning.Host.Store;

namespace Decisioning.Host.Cli;

/// <summary>Dispatches the command line to its command.</summary>
public static class CommandLine
{
    public static async Task<int> RunAsync(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        var options = CliOptions.Parse(args);
        if (options.Errors.Count > 0)
        {
            foreach (var e in options.Errors)
            {
                await stderr.WriteLineAsync(e);
            }
            return ExitCodes.BadInput;
        }
        var commands = new Commands(options, stdin, stdout, stderr) { OpenLedger = StoreCommands.ReadLedger };
        var store = new StoreCommands(options, stdout, stderr);
        try
        {
            switch (options.Command)
            {
                case "decide":
                    return commands.Decide(check: false);
                case "check":
                    return commands.Decide(check: true);
                case "decide-batch":
                    return commands.DecideBatch();
                case "validate-rules":
                    return commands.ValidateRules();
                case "serve":
                    return await ServeCommand.RunAsync(options, stdout, stderr);
                case "audit":
                    return store.Audit();
                case "redecide":
                    return store.Redecide();
                case "store" when options.Arguments is ["copy"]:
                    return StoreCommands.Copy(options.From, options.To, stdout, stderr);
                default:
                    await stderr.WriteLineAsync("""
                        usage: decisioning COMMAND [options]
                          decide FILE|-          the recommended decision for one application
                          check FILE|-           the eligibility check: level and every activity's offer
                          decide-batch FILE|-    one decision per JSON line
                          validate-rules [DIR]   load, compile and trial-run a rule set
                          serve                  the HTTP API and web pages
                          audit verify           check the case store's hash-chained audit trail (--db FILE)
                          redecide ID            decide a stored application again and compare (--db FILE [--rules DIR])
                          store copy             copy a case store and verify it (--from litedb:FILE|postgres:CONN --to ...)
                        options: --rules DIR --templates DIR --db FILE --lang da|en --letter --urls URL
                        """);
                    return ExitCodes.BadInput;
            }
        }
        catch (StoreOpenException ex)
        {
            await stderr.WriteLineAsync(ex.Message);
            return ExitCodes.Failure;
        }
    }
}
