using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Decisioning.Host.Auth;

namespace Decisioning.Host.Tests;

/// <summary>The built <c>decisioning serve</c> as its own process on a free loopback port, with one configured key per role.</summary>
internal sealed class ServeProcess : IDisposable
{
    private readonly Process _process;

    private ServeProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
        Http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
        Service = new ServiceClient(Http);
    }

    public Uri Address { get; }
    public HttpClient Http { get; }
    public ServiceClient Service { get; }

    /// <summary>Starts the program on the database file (or a PostgreSQL database) and waits until <c>/health</c> answers.</summary>
    public static async Task<ServeProcess> StartAsync(string db, string? postgres = null)
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { TestFiles.Program, "serve", "--rules", TestFiles.Rules, "--templates", TestFiles.Templates, "--db", db, "--urls", $"http://127.0.0.1:{port}" })
        {
            start.ArgumentList.Add(arg);
        }
        start.Environment[$"Auth__ApiKeys__{ServiceUnderTest.ConsultantKey}"] = Roles.Consultant;
        start.Environment[$"Auth__ApiKeys__{ServiceUnderTest.CommitteeKey}"] = Roles.Committee;
        start.Environment[$"Auth__ApiKeys__{ServiceUnderTest.PolicyKey}"] = Roles.Policy;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        if (postgres is not null)
        {
            start.Environment["Store__Provider"] = "postgres";
            start.Environment["Store__ConnectionString"] = postgres;
        }
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var serve = new ServeProcess(process, new Uri($"http://127.0.0.1:{port}"));
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            Assert.IsFalse(process.HasExited, $"serve exited with {(process.HasExited ? process.ExitCode : 0)}");
            try
            {
                using var health = await serve.Http.GetAsync("/health");
                if (health.StatusCode == HttpStatusCode.OK)
                {
                    return serve;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            await Task.Delay(100);
        }
        serve.Kill();
        throw new TimeoutException("serve did not answer /health within 60 s");
    }

    /// <summary>SIGKILL: no shutdown, no flush, no disposal.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
        }
        _process.WaitForExit();
    }

    public void Dispose()
    {
        Kill();
        Http.Dispose();
        _process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
