using System.Globalization;

namespace Decisioning.Bench.Load;

/// <summary>What the load run does: how long each phase lasts, the fixed rates, the concurrency at maximum, and caps.</summary>
public sealed record LoadOptions
{
    /// <summary>Seconds per phase.</summary>
    public double Seconds { get; init; } = 10;
    public int CheckRate { get; init; } = 1000;
    public int SubmissionRate { get; init; } = 300;
    /// <summary>Requests in flight at maximum (closed loop).</summary>
    public int Concurrency { get; init; } = 32;
    /// <summary>No phase sends more than this many requests.</summary>
    public int MaxRequestsPerPhase { get; init; } = 60_000;
    /// <summary>The built <c>decisioning.dll</c>; found in the repository by default.</summary>
    public string? Server { get; init; }
    public string? Rules { get; init; }
    /// <summary>A PostgreSQL connection string: the server(s) use that database instead of a new LiteDB file.</summary>
    public string? Postgres { get; init; }
    /// <summary>How many servers share the PostgreSQL database; the load is spread over them.</summary>
    public int Hosts { get; init; } = 1;

    /// <summary>The store the servers use; null for a new LiteDB file each.</summary>
    public Decisioning.Host.Hosting.StoreOptions? Store() => Postgres is null ? null : new()
    {
        Provider = "postgres",
        ConnectionString = Postgres,
        AuditKeyFile = Path.Combine(Path.GetTempPath(), "decisioning-load-audit.key"),
    };

    public static LoadOptions Parse(string[] args)
    {
        var o = new LoadOptions();
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            var v = args[i + 1];
            o = args[i] switch
            {
                "--seconds" => o with { Seconds = double.Parse(v, CultureInfo.InvariantCulture) },
                "--check-rate" => o with { CheckRate = int.Parse(v, CultureInfo.InvariantCulture) },
                "--submission-rate" => o with { SubmissionRate = int.Parse(v, CultureInfo.InvariantCulture) },
                "--concurrency" => o with { Concurrency = int.Parse(v, CultureInfo.InvariantCulture) },
                "--max-requests" => o with { MaxRequestsPerPhase = int.Parse(v, CultureInfo.InvariantCulture) },
                "--server" => o with { Server = v },
                "--rules" => o with { Rules = v },
                "--postgres" => o with { Postgres = v },
                "--hosts" => o with { Hosts = int.Parse(v, CultureInfo.InvariantCulture) },
                _ => throw new ArgumentException($"unknown option {args[i]}; options: --seconds --check-rate --submission-rate --concurrency --max-requests --server --rules --postgres --hosts"),
            };
        }
        return o;
    }
}
