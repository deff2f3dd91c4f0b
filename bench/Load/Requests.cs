using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace Decisioning.Bench.Load;

/// <summary>The requests of the load run: health, an eligibility check, and a submission with a fresh id each time.</summary>
public sealed class Requests
{
    private const string ExampleId = "EXP-2026-0042";
    private readonly byte[] _application;
    private readonly string _before;
    private readonly string _after;
    private long _next;

    public Requests()
    {
        var text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "application.json"));
        _application = Encoding.UTF8.GetBytes(text);
        var at = text.IndexOf(ExampleId, StringComparison.Ordinal);
        _before = text[..at];
        _after = text[(at + ExampleId.Length)..];
    }

    /// <summary>Distinguishes the ids of this run from those of another run on the same database.</summary>
    public string RunId { get; } = Guid.NewGuid().ToString("N")[..8];

    public static HttpRequestMessage Health() => new(HttpMethod.Get, "/health");

    public HttpRequestMessage Check() => Post("/api/eligibility-checks", _application);

    public HttpRequestMessage Submission()
    {
        var id = $"LOAD-{RunId}-{Interlocked.Increment(ref _next)}";
        return Post("/api/applications", Encoding.UTF8.GetBytes(_before + id + _after));
    }

    /// <summary>
    /// A committee read of what the store holds: one in two the decisions of a case this run submitted, else a page of
    /// the case list (pages 1-20, newest first). Each answer comes from the store, read by many requests at once.
    /// </summary>
    public HttpRequestMessage Read()
    {
        var n = Interlocked.Increment(ref _reads);
        var submitted = Interlocked.Read(ref _next);
        var path = n % 2 == 0 && submitted > 0
            ? $"/api/applications/LOAD-{RunId}-{1 + (n * 7919 % submitted)}/decision"
            : $"/api/applications?page={1 + n % 20}&pageSize=50";
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("X-Api-Key", ServerProcess.CommitteeKey);
        return request;
    }

    private long _reads;

    public static bool IsOk(HttpResponseMessage r) => r.StatusCode == HttpStatusCode.OK;

    public static bool IsCreated(HttpResponseMessage r) => r.StatusCode == HttpStatusCode.Created;

    private static HttpRequestMessage Post(string path, byte[] body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add("X-Api-Key", ServerProcess.ConsultantKey);
        return request;
    }
}
