using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Decisioning.Bench.Load;

/// <summary>The built <c>decisioning serve</c> on a free 127.0.0.1 port with a fresh database in a temp folder.</summary>
public sealed class ServerProcess : IDisposable
{
    public const string ConsultantKey = "load-consultant";
    public const string CommitteeKey = "load-committee";

    private readonly Process _process;
    private readonly string _folder;

    private ServerProcess(Process process, Uri address, string folder)
    {
        _process = process;
        Address = address;
        _folder = folder;
    }

    public Uri Address { get; }

    public int ProcessId => _process.Id;

    /// <summary>Starts the server on a new database in a temp folder, or on <paramref name="db"/> / the store of <paramref name="store"/>.</summary>
    public static async Task<ServerProcess> StartAsync(LoadOptions options, string? db = null, Decisioning.Host.Hosting.StoreOptions? store = null)
    {
        var root = RepositoryRoot();
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        var server = options.Server ?? Path.Combine(root, "src", "Host", "bin", configuration, "net10.0", "decisioning.dll");
        var rules = options.Rules ?? Path.Combine(root, "rules");
        var folder = Path.Combine(Path.GetTempPath(), "decisioning-load", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { server, "serve", "--rules", rules, "--templates", Path.Combine(root, "templates"), "--db", db ?? Path.Combine(folder, "load.db"), "--urls", $"http://127.0.0.1:{port}" })
        {
            start.ArgumentList.Add(arg);
        }
        start.Environment[$"Auth__ApiKeys__{ConsultantKey}"] = "consultant";
        start.Environment[$"Auth__ApiKeys__{CommitteeKey}"] = "committee";
        if (store is not null)
        {
            start.Environment["Store__Provider"] = store.Provider;
            start.Environment["Store__ConnectionString"] = store.ConnectionString ?? "";
            start.Environment["Store__AuditKeyFile"] = store.AuditKeyFile ?? "";
        }
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine("server: " + e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine("server: " + e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var result = new ServerProcess(process, new Uri($"http://127.0.0.1:{port}"), folder);
        using var http = new HttpClient { BaseAddress = result.Address };
        for (var i = 0; i < 600; i++)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"the server exited with {process.ExitCode}");
            }
            try
            {
                using var health = await http.GetAsync("/health");
                if (health.IsSuccessStatusCode)
                {
                    return result;
                }
            }
            catch (HttpRequestException)
            {
                // not yet listening
            }
            await Task.Delay(100);
        }
        result.Dispose();
        throw new TimeoutException("the server did not answer /health within 60 s");
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit();
        }
        _process.Dispose();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // a temp folder left behind is harmless
        }
    }

    internal static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Decisioning.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("Decisioning.sln not found above " + AppContext.BaseDirectory);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
