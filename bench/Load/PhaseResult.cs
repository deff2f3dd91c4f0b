using System.Globalization;

namespace Decisioning.Bench.Load;

/// <summary>One phase's figures: what was sent, what succeeded, throughput and latency percentiles.</summary>
public sealed record PhaseResult(string Endpoint, string Mode, int Sent, int Ok, int Failed, double Seconds, double P50Ms, double P99Ms, double MaxMs)
{
    public double Throughput => Ok / Seconds;

    public static PhaseResult From(string endpoint, string mode, int sent, int failed, double seconds, List<double> latenciesMs)
    {
        latenciesMs.Sort();
        double At(double q) => latenciesMs.Count == 0 ? double.NaN : latenciesMs[Math.Min(latenciesMs.Count - 1, (int)Math.Ceiling(q * latenciesMs.Count) - 1)];
        return new PhaseResult(endpoint, mode, sent, latenciesMs.Count, failed, seconds, At(0.50), At(0.99), latenciesMs.Count == 0 ? double.NaN : latenciesMs[^1]);
    }

    public override string ToString() => string.Format(CultureInfo.InvariantCulture,
        "{0,-24} {1,-14} {2,8} {3,8} {4,7} {5,10:F0} {6,9:F2} {7,9:F2} {8,9:F2}",
        Endpoint, Mode, Sent, Ok, Failed, Throughput, P50Ms, P99Ms, MaxMs);

    public static string Header => string.Format(CultureInfo.InvariantCulture,
        "{0,-24} {1,-14} {2,8} {3,8} {4,7} {5,10} {6,9} {7,9} {8,9}", "endpoint", "mode", "sent", "ok", "failed", "req/s", "p50 ms", "p99 ms", "max ms");
}
