using System.Text;
using Decisioning.Host.Cli;

// Standard output is buffered (decide-batch writes a line per decision) and flushed before the program ends.
await using var stdout = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false), 1 << 16) { AutoFlush = false };
try
{
    return await CommandLine.RunAsync(args, Console.In, stdout, Console.Error);
}
finally
{
    await stdout.FlushAsync();
}
