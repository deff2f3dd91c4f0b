using Microsoft.Playwright;

namespace Decisioning.Browser.Tests;

/// <summary>
/// One headless Debian Chromium for the whole run, driven by Playwright. Playwright's own browser download does not
/// work here, so the browser is the system's (<c>CHROMIUM_PATH</c>, else <c>/usr/bin/chromium</c>); when it is
/// missing every test fails saying how to install it, rather than being skipped.
/// </summary>
internal static class Chromium
{
    private static IPlaywright? s_playwright;
    private static IBrowser? s_browser;

    public static string ExecutablePath =>
        Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    public static IBrowser Browser => s_browser ?? throw new InvalidOperationException("Chromium was not launched (see the assembly initialisation's failure).");

    /// <summary>How long an action, a navigation or an expectation waits before it fails (Playwright's are 30 s and 5 s).</summary>
    public const int WaitMilliseconds = 30_000;

    public static async Task LaunchAsync()
    {
        Assertions.SetDefaultExpectTimeout(WaitMilliseconds);
        if (!File.Exists(ExecutablePath))
        {
            Assert.Fail($"Chromium was not found at {ExecutablePath}. The browser tests drive the Debian chromium: install it with "
                + "`apt-get update && apt-get install -y chromium`, or set CHROMIUM_PATH to a Chromium binary");
        }
        s_playwright = await Playwright.CreateAsync();
        s_browser = await s_playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    public static async Task CloseAsync()
    {
        if (s_browser is not null)
        {
            await s_browser.CloseAsync();
            s_browser = null;
        }
        s_playwright?.Dispose();
        s_playwright = null;
    }
}
