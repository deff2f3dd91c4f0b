using Microsoft.Playwright;

namespace Decisioning.Browser.Tests;

/// <summary>
/// A fresh browser context (no cookies) with one page on the served program, for one test. Script dialogs are
/// recorded and dismissed, so a test can assert that nothing a caller typed ran as script.
/// </summary>
internal sealed class BrowserPage : IAsyncDisposable
{
    private readonly IBrowserContext _context;
    private readonly List<string> _dialogs = [];

    private BrowserPage(IBrowserContext context, IPage page)
    {
        _context = context;
        Page = page;
        page.Dialog += async (_, dialog) =>
        {
            lock (_dialogs)
            {
                _dialogs.Add($"{dialog.Type}: {dialog.Message}");
            }
            await dialog.DismissAsync();
        };
    }

    public IPage Page { get; }

    /// <summary>Every script dialog (alert, confirm, prompt) a page opened.</summary>
    public IReadOnlyList<string> Dialogs
    {
        get
        {
            lock (_dialogs)
            {
                return [.. _dialogs];
            }
        }
    }

    /// <summary>A fresh context at <paramref name="viewport"/> (Playwright's default window when null).</summary>
    public static async Task<BrowserPage> OpenAsync(ServedProgram served, Support.Viewport? viewport = null)
    {
        var options = new BrowserNewContextOptions { BaseURL = served.Address.ToString() };
        if (viewport is not null)
        {
            options.ViewportSize = new ViewportSize { Width = viewport.Width, Height = viewport.Height };
            options.IsMobile = viewport == Support.Viewport.Phone;
            options.HasTouch = viewport == Support.Viewport.Phone;
        }
        var context = await Chromium.Browser.NewContextAsync(options);
        // Waits, not timings: under a full CI run (every test project and the browser on 2 cores) a page's first render has
        // taken over 10 s; a wait that never ends still fails at this bound.
        context.SetDefaultTimeout(Chromium.WaitMilliseconds);
        return new BrowserPage(context, await context.NewPageAsync());
    }

    /// <summary>Opens a page that asks for a key, signs in on the sign-in form with the key and lands on the page.</summary>
    public async Task SignInAsync(string path, string key)
    {
        await Page.GotoAsync(path);
        // Not signed in: the page sends the browser to the sign-in form, which returns to the page afterwards.
        Assert.Contains("/login", Page.Url, $"{path} should ask for a key first");
        await Page.Locator("#apiKey").FillAsync(key);
        await Page.Locator("main form button[type=submit]").ClickAsync();
        await Page.WaitForURLAsync(url => new Uri(url).PathAndQuery == path);
    }

    /// <summary>Clicks a form's submit button and returns the answer to the form's POST (its status, say 409).</summary>
    public async Task<IResponse> PostFormAsync(ILocator button)
    {
        var response = await Page.RunAndWaitForResponseAsync(
            () => button.ClickAsync(),
            r => r.Request.Method == "POST" && r.Request.ResourceType == "document");
        await Page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
        return response;
    }

    public async ValueTask DisposeAsync() => await _context.CloseAsync();
}
