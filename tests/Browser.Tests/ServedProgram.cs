using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;

namespace Decisioning.Browser.Tests;

/// <summary>
/// The built <c>decisioning serve</c> as its own process on a free loopback port, with a copy of rules/ and templates/
/// in a temp folder (so a test may edit them while it runs), a temp database and one API key per role.
/// </summary>
internal sealed class ServedProgram : IAsyncDisposable
{
    public const string ConsultantKey = "browser-consultant-key";
    public const string CommitteeKey = "browser-committee-key";
    public const string PolicyKey = "browser-policy-key";
    public const string PanelKey = "browser-panel-key";

    private readonly Process _process;
    private readonly StringBuilder _output;
    private readonly string _root;

    private ServedProgram(Process process, StringBuilder output, string root, Uri address)
    {
        _process = process;
        _output = output;
        _root = root;
        Address = address;
        Http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
    }

    public Uri Address { get; }

    public HttpClient Http { get; }

    /// <summary>The rules/ folder the program watches (a copy; edit it freely).</summary>
    public string RulesDir => Path.Combine(_root, "rules");

    /// <summary>What the program wrote so far, for failure messages.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Copies rules/ and templates/, starts the program and waits until <c>/health</c> answers.</summary>
    public static async Task<ServedProgram> StartAsync()
    {
        var program = Path.Combine(AppContext.BaseDirectory, "decisioning.dll");
        Assert.IsTrue(File.Exists(program), $"The built program is missing: {program}");
        var root = Path.Combine(Path.GetTempPath(), "decisioning-browser-tests", Guid.NewGuid().ToString("N"));
        CopyFolder(Path.Combine(AppContext.BaseDirectory, "rules"), Path.Combine(root, "rules"));
        CopyFolder(Path.Combine(AppContext.BaseDirectory, "templates"), Path.Combine(root, "templates"));

        var port = FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = root,
        };
        foreach (var arg in new[]
        {
            program, "serve",
            "--rules", Path.Combine(root, "rules"),
            "--templates", Path.Combine(root, "templates"),
            "--db", Path.Combine(root, "decisioning.db"),
            "--urls", $"http://127.0.0.1:{port}",
        })
        {
            start.ArgumentList.Add(arg);
        }
        start.Environment[$"Auth__ApiKeys__{ConsultantKey}"] = "consultant";
        start.Environment[$"Auth__ApiKeys__{PanelKey}"] = "panel";
        start.Environment[$"Auth__ApiKeys__{CommitteeKey}"] = "committee";
        start.Environment[$"Auth__ApiKeys__{PolicyKey}"] = "policy";
        start.Environment["Logging__LogLevel__Default"] = "Warning";

        var output = new StringBuilder();
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var served = new ServedProgram(process, output, root, new Uri($"http://127.0.0.1:{port}"));
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (process.HasExited)
            {
                await served.DisposeAsync();
                Assert.Fail($"serve exited with {process.ExitCode}:\n{served.Output}");
            }
            try
            {
                using var health = await served.Http.GetAsync("/health");
                if (health.StatusCode == HttpStatusCode.OK)
                {
                    return served;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            await Task.Delay(100);
        }
        await served.DisposeAsync();
        throw new TimeoutException($"serve did not answer /health within 60 s:\n{served.Output}");
    }

    /// <summary>Submits an application through the API as the consultant and returns the recommended decision.</summary>
    public async Task<JsonObject> SubmitAsync(JsonObject application)
    {
        using var response = await SendAsync(HttpMethod.Post, "/api/applications", ConsultantKey, application);
        var text = await response.Content.ReadAsStringAsync();
        Assert.AreEqual(HttpStatusCode.Created, response.StatusCode, text);
        return JsonNode.Parse(text)!.AsObject();
    }

    /// <summary>Records a final decision through the API as the committee; returns the status and body.</summary>
    public async Task<(HttpStatusCode Status, string Body)> RecordFinalAsync(string id, string outcome, decimal grantDkk, string decidedBy, string? justification = null)
    {
        var body = new JsonObject { ["outcome"] = outcome, ["grantDkk"] = grantDkk, ["decidedBy"] = decidedBy, ["justification"] = justification };
        using var response = await SendAsync(HttpMethod.Post, $"/api/applications/{Uri.EscapeDataString(id)}/final-decision", CommitteeKey, body);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>The recommended and the final decision of a case, as the committee reads them through the API.</summary>
    public async Task<JsonObject> CaseAsync(string id)
    {
        using var response = await SendAsync(HttpMethod.Get, $"/api/applications/{Uri.EscapeDataString(id)}/decision", CommitteeKey, null);
        var text = await response.Content.ReadAsStringAsync();
        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode, text);
        return JsonNode.Parse(text)!.AsObject();
    }

    /// <summary><c>GET /api/rulesets/current</c> as policy staff.</summary>
    public async Task<JsonObject> CurrentRuleSetAsync()
    {
        using var response = await SendAsync(HttpMethod.Get, "/api/rulesets/current", PolicyKey, null);
        var text = await response.Content.ReadAsStringAsync();
        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode, text);
        return JsonNode.Parse(text)!.AsObject();
    }

    /// <summary>
    /// How long a test waits for the watcher to take up or refuse an edit of rules/. A reload takes 70-250 ms on a quiet
    /// machine (bench/README.md, WarmReload and the load run's reload phase, where the latency is measured); the browser
    /// tests only need it to happen, and under the full CI run four test assemblies share two cores.
    /// </summary>
    public static readonly TimeSpan ReloadWait = TimeSpan.FromSeconds(60);

    /// <summary>Polls the active rule set until <paramref name="until"/> holds, for at most <see cref="ReloadWait"/>; returns it and how long it took.</summary>
    public async Task<(JsonObject RuleSet, TimeSpan Waited)> WaitForRuleSetAsync(Func<JsonObject, bool> until, string what)
    {
        var clock = Stopwatch.StartNew();
        JsonObject current;
        do
        {
            current = await CurrentRuleSetAsync();
            if (until(current))
            {
                return (current, clock.Elapsed);
            }
            await Task.Delay(50);
        }
        while (clock.Elapsed < ReloadWait);
        Assert.Fail($"Waited {ReloadWait.TotalSeconds} s for {what}; the active rule set is {current["hash"]}, "
            + $"last reload error {current["lastReloadError"]?.ToJsonString() ?? "none"}\n{Output}");
        return (current, clock.Elapsed);
    }

    /// <summary>Replaces a file of the rules/ copy, as an editor that writes in place does.</summary>
    public void WriteRuleFile(string relativePath, string content) =>
        File.WriteAllText(Path.Combine(RulesDir, relativePath), content, new UTF8Encoding(false));

    public string ReadRuleFile(string relativePath) => File.ReadAllText(Path.Combine(RulesDir, relativePath));

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }
            await _process.WaitForExitAsync();
        }
        catch (InvalidOperationException)
        {
            // never started or already reaped
        }
        _process.Dispose();
        Http.Dispose();
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // a file still held open; the temp folder is cleaned up later
        }
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string key, JsonNode? body)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Add("X-Api-Key", key);
        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }
        return await Http.SendAsync(request);
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (output)
        {
            output.AppendLine(line);
        }
    }

    private static void CopyFolder(string from, string to)
    {
        Assert.IsTrue(Directory.Exists(from), $"Missing beside the tests: {from}");
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
