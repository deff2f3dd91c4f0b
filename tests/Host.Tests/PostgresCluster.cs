using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Decisioning.Host.Tests;

/// <summary>
/// A throwaway PostgreSQL cluster for the test run: <c>initdb</c> in a temp folder, <c>pg_ctl start</c> on a free
/// loopback port (as the <c>postgres</c> user via <c>runuser</c> when the tests run as root, since PostgreSQL refuses
/// root), never a system service; stopped and deleted when the run ends. Each test asks for a fresh database.
/// The binaries are found in <c>PG_BIN</c>, else the newest <c>/usr/lib/postgresql/N/bin</c>; without them the
/// PostgreSQL tests fail saying so (<c>.ci/run</c> installs the <c>postgresql</c> package).
/// </summary>
[TestClass]
public static class PostgresCluster
{
    private static readonly Lazy<Cluster> Instance = new(Cluster.Start, LazyThreadSafetyMode.ExecutionAndPublication);
    private static int s_databases;

    /// <summary>A connection string to a new, empty database of the cluster.</summary>
    public static string NewDatabase()
    {
        var cluster = Instance.Value;
        var name = $"t{Environment.ProcessId}_{Interlocked.Increment(ref s_databases)}";
        using (var connection = new NpgsqlConnection(cluster.ConnectionString("postgres")))
        {
            connection.Open();
            using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            create.ExecuteNonQuery();
        }
        return cluster.ConnectionString(name);
    }

    [AssemblyCleanup]
    public static void Stop()
    {
        if (Instance.IsValueCreated)
        {
            Instance.Value.Stop();
        }
    }

    private sealed class Cluster(string folder, string bin, int port, bool asPostgres)
    {
        private int Port => port;

        public string ConnectionString(string database) =>
            $"Host=127.0.0.1;Port={port};Username=postgres;Database={database};Pooling=true;Maximum Pool Size=20;Timeout=30";

        public static Cluster Start()
        {
            var bin = FindBinaries();
            var folder = Path.Combine(Path.GetTempPath(), "decisioning-pg-" + Guid.NewGuid().ToString("N")[..12]);
            Directory.CreateDirectory(folder);
            var asPostgres = Environment.UserName == "root";
            if (asPostgres)
            {
                Run("chown", "postgres", folder);
            }
            var cluster = new Cluster(folder, bin, FreePort(), asPostgres);
            cluster.Pg("initdb", "-D", Path.Combine(folder, "data"), "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8");
            cluster.Pg("pg_ctl", "-D", Path.Combine(folder, "data"), "-w", "-l", Path.Combine(folder, "log"), "-o",
                $"-p {cluster.Port} -k {folder} -c listen_addresses=127.0.0.1 -c max_connections=200 -c fsync=on", "start");
            return cluster;
        }

        public void Stop()
        {
            try
            {
                Pg("pg_ctl", "-D", Path.Combine(folder, "data"), "-m", "immediate", "-w", "stop");
            }
            finally
            {
                Directory.Delete(folder, recursive: true);
            }
        }

        private void Pg(string tool, params string[] args)
        {
            var program = Path.Combine(bin, tool);
            if (asPostgres)
            {
                Run("runuser", ["-u", "postgres", "--", program, .. args]);
            }
            else
            {
                Run(program, args);
            }
        }

        private static void Run(string program, params string[] args)
        {
            var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var arg in args)
            {
                start.ArgumentList.Add(arg);
            }
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"{program} {string.Join(' ', args)} failed ({process.ExitCode}): {error}{output.Result}");
            }
        }

        private static string FindBinaries()
        {
            if (Environment.GetEnvironmentVariable("PG_BIN") is { Length: > 0 } configured)
            {
                return configured;
            }
            var found = Directory.Exists("/usr/lib/postgresql")
                ? Directory.GetDirectories("/usr/lib/postgresql")
                    .Select(d => Path.Combine(d, "bin"))
                    .Where(b => File.Exists(Path.Combine(b, "initdb")))
                    .OrderByDescending(b => int.TryParse(Path.GetFileName(Path.GetDirectoryName(b)), out var v) ? v : 0)
                    .FirstOrDefault()
                : null;
            return found ?? throw new InvalidOperationException(
                "PostgreSQL is not installed (no /usr/lib/postgresql/N/bin/initdb; set PG_BIN): apt-get install postgresql, as .ci/run does");
        }

        private static int FreePort()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
    }
}
