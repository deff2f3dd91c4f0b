using System.Diagnostics;
using System.Globalization;

namespace Decisioning.Bench.Load;

/// <summary>CPU time used by the server process (from /proc on Linux) and by this process, to tell what limits a phase.</summary>
public sealed class CpuMeter(int serverPid)
{
    private static readonly double TicksPerSecond = 100; // USER_HZ on Linux

    public (double Server, double Load) Now() => (ServerSeconds(), Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds);

    private double ServerSeconds()
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{serverPid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            // after the command: state is field 3, utime field 14 and stime field 15 (1-based over the whole line)
            return (double.Parse(fields[11], CultureInfo.InvariantCulture) + double.Parse(fields[12], CultureInfo.InvariantCulture)) / TicksPerSecond;
        }
        catch (IOException)
        {
            return double.NaN;
        }
    }
}
