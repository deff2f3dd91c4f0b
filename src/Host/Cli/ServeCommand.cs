using Decisioning.Host.Auth;
using Decisioning.Host.Hosting;
using Decisioning.Host.Store;
using Decisioning.Rules;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Decisioning.Host.Cli;

/// <summary><c>decisioning serve</c>: runs the hosted service until stopped; a bad rule set or database stops it at start with a clear error.</summary>
public static class ServeCommand
{
    public static async Task<int> RunAsync(CliOptions options, TextWriter stdout, TextWriter stderr)
    {
        var builder = DecisioningApp.CreateBuilder(new ServeSettings
        {
            RulesDir = options.ResolveRules(),
            TemplatesDir = options.ResolveTemplates(),
            Timeline = options.RulesDir is null, // --rules DIR forces one folder (P10.2)
            Db = options.Db,
        });
        var keysConfigured = builder.Configuration.GetSection("Auth:ApiKeys").GetChildren().Any();
        var (urls, moved) = ListenAddresses.Resolve(options.Urls, loopbackOnly: !keysConfigured);
        builder.WebHost.UseUrls(urls);
        // A start that fails (a port in use) is said in one line below, not as the host's logged stack trace.
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.Critical);
        WebApplication app;
        try
        {
            app = DecisioningApp.Build(builder);
        }
        catch (Exception ex) when (ex is StoreOpenException or RuleSetException or InvalidOperationException)
        {
            await stderr.WriteLineAsync(StartError.OneLine("serve", ex));
            return ExitCodes.Failure;
        }
        // A crash (an exception on a thread nobody catches on) leaves one line saying what it was.
        AppDomain.CurrentDomain.UnhandledException += (_, e) => stderr.WriteLine("decisioning serve crashed: " + e.ExceptionObject);
        await using (app)
        {
            foreach (var url in moved)
            {
                await stderr.WriteLineAsync($"No API key is configured (Auth:ApiKeys): listening on loopback instead of {url}.");
            }
            var keys = app.Services.GetRequiredService<ApiKeyRegistry>().Generated;
            if (keys.Count > 0)
            {
                await stdout.WriteLineAsync("No API key is configured (Auth:ApiKeys); keys for this run, sent as the X-Api-Key header:");
                foreach (var (role, key) in keys)
                {
                    await stdout.WriteLineAsync($"  {role}: {key}");
                }
                await stdout.FlushAsync();
            }
            try
            {
                await app.RunAsync();
            }
            catch (IOException ex) when (ex.InnerException is AddressInUseException)
            {
                await stderr.WriteLineAsync(PortInUse(ex, urls));
                return ExitCodes.Failure;
            }
            catch (RuleSetException ex)
            {
                await stderr.WriteLineAsync(StartError.OneLine("serve", ex));
                return ExitCodes.Failure;
            }
            catch (Exception ex) when (ex is StoreUnavailableException or StoreOpenException or IOException)
            {
                await stderr.WriteLineAsync("decisioning serve stopped: " + ex.Message);
                return ExitCodes.Failure;
            }
            return ExitCodes.Ok;
        }
    }

    /// <summary>Names the address that is taken and how to choose another.</summary>
    private static string PortInUse(IOException ex, string urls)
    {
        var address = System.Text.RegularExpressions.Regex.Match(ex.Message, @"https?://\S+?(?=:?\s|$)").Value.TrimEnd(':');
        var taken = address.Length > 0 ? address : urls;
        var port = Uri.TryCreate(taken, UriKind.Absolute, out var uri) ? uri.Port.ToString(System.Globalization.CultureInfo.InvariantCulture) : "the port";
        return $"decisioning serve cannot start: {taken} is in use (port {port}); another program, perhaps another decisioning serve, listens there. "
            + "Stop it, or choose another address with --urls, e.g. --urls http://127.0.0.1:5081.";
    }
}
