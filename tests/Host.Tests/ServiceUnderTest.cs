using System.Text;
using System.Text.Json.Nodes;
using Decisioning.Host.Auth;
using Decisioning.Host.Hosting;
using Decisioning.Host.Store;
using Decisioning.Host.Store.LiteDb;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Decisioning.Host.Tests;

/// <summary>
/// The service as <c>serve</c> builds it, listening on a free loopback port with a LiteDB file in a temp folder,
/// with one configured key per role and a fake clock; callers talk to it over real HTTP.
/// </summary>
internal sealed class ServiceUnderTest : IAsyncDisposable
{
    public const string ConsultantKey = "consultant-key";
    public const string CommitteeKey = "committee-key";
    public const string PolicyKey = "policy-key";

    private readonly WebApplication _app;

    private ServiceUnderTest(WebApplication app, string db, Uri address, FakeTimeProvider time)
    {
        _app = app;
        Db = db;
        Address = address;
        Time = time;
        Http = new HttpClient { BaseAddress = address };
        Client = new ServiceClient(Http);
    }

    public string Db { get; }
    public Uri Address { get; }
    public FakeTimeProvider Time { get; }
    public HttpClient Http { get; }
    public ServiceClient Client { get; }
    public ICaseStore Store => _app.Services.GetRequiredService<ICaseStore>();
    public Decisioning.Rules.RuleSetHolder Rules => _app.Services.GetRequiredService<Decisioning.Rules.RuleSetHolder>();

    public static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    /// <summary>Starts the service on a database file (a new one in a temp folder by default).</summary>
    public static async Task<ServiceUnderTest> StartAsync(
        string? db = null, string? rules = null, Func<string, bool, DurableFileStream>? openFile = null, bool configureKeys = true, string? postgres = null)
    {
        db ??= Path.Combine(TestFiles.TempFolder(), "decisioning.db");
        var time = new FakeTimeProvider(Start);
        var builder = DecisioningApp.CreateBuilder(new ServeSettings
        {
            RulesDir = rules ?? TestFiles.Rules,
            TemplatesDir = rules is null ? TestFiles.Templates : Path.Combine(Path.GetDirectoryName(rules)!, "templates"),
            Db = db,
        });
        if (configureKeys)
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                [$"Auth:ApiKeys:{ConsultantKey}"] = Roles.Consultant,
                [$"Auth:ApiKeys:{CommitteeKey}"] = Roles.Committee,
                [$"Auth:ApiKeys:{PolicyKey}"] = Roles.Policy,
            });
        }
        if (postgres is not null)
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Store:Provider"] = "postgres",
                ["Store:ConnectionString"] = postgres,
                ["Store:ActivationPollMilliseconds"] = "200",
            });
        }
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<TimeProvider>(time);
        if (openFile is not null)
        {
            builder.Services.AddSingleton<ICaseStore>(sp => LiteDbCaseStore.Open(db, time, null, openFile));
        }
        var app = DecisioningApp.Build(builder);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new ServiceUnderTest(app, db, new Uri(address), time);
    }

    public Task<HttpResponseMessage> PostAsync(string path, string? key, JsonNode body) => Client.PostAsync(path, key, body);

    public Task<HttpResponseMessage> PostAsync(string path, string? key, byte[] body, string contentType = "application/json") =>
        Client.PostAsync(path, key, body, contentType);

    public Task<HttpResponseMessage> GetAsync(string path, string? key) => Client.GetAsync(path, key);

    public Task<HttpResponseMessage> SubmitAsync(JsonNode application) => Client.SubmitAsync(application);

    public Task<HttpResponseMessage> DecideAsync(string id, object finalDecision) => Client.DecideAsync(id, finalDecision);

    public static async Task<JsonObject> JsonAsync(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();

    public static string Text(JsonNode? node) => node?.ToJsonString() ?? "null";

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    /// <summary>The UTF-8 bytes of a string.</summary>
    public static byte[] Utf8(string s) => Encoding.UTF8.GetBytes(s);
}
