using System.Text;
using Decisioning.Host.Cli;

// Standard output is buffered (decide-batch writes a line per decision) and flushed before the program ends. Both
// standard streams are passed as stream readers/writers so decide-batch can read and write their bytes directly.
await using var stdout = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false), 1 << 16) { AutoFlush = false };
using var stdin = new StreamReader(Console.OpenStandardInput(), new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true, 1 << 16);
try
{
    return await CommandLine.RunAsync(args, stdin, stdout, Console.Error);
}
finally
{
    await stdout.FlushAsync();
}
