using System.Net;
using System.Text.RegularExpressions;

namespace Decisioning.Host.Tests.Hostile;

/// <summary>
/// A browser-like client of the web pages over HTTP: keeps cookies, does not follow redirects, sends the page's own
/// Origin and <c>Sec-Fetch-Site: same-origin</c> on a form post unless told otherwise, and finds the antiforgery token
/// in the last page it read.
/// </summary>
internal sealed partial class PageClient : IDisposable
{
    public const string TokenField = "__RequestVerificationToken";

    private readonly HttpClient _http;

    public PageClient(Uri address)
    {
        Cookies = new CookieContainer();
        _http = new HttpClient(new HttpClientHandler { CookieContainer = Cookies, UseCookies = true, AllowAutoRedirect = false })
        {
            BaseAddress = address,
            Timeout = TimeSpan.FromSeconds(30),
        };
        Origin = $"{address.Scheme}://{address.Authority}";
    }

    public CookieContainer Cookies { get; }
    public string Origin { get; }
    public Uri Address => _http.BaseAddress!;

    /// <summary>The antiforgery token of the last page read (the first form's), or null when it had none.</summary>
    public string? Token { get; private set; }

    public async Task<(HttpResponseMessage Response, string Html)> GetAsync(string path)
    {
        var response = await _http.GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();
        Token = TokenIn(html);
        return (response, html);
    }

    /// <summary>Posts a form; <paramref name="origin"/> and <paramref name="fetchSite"/> null leave the header out, "" (default) sends the page's own.</summary>
    public async Task<(HttpResponseMessage Response, string Html)> PostFormAsync(
        string path, IEnumerable<KeyValuePair<string, string>> fields, bool withToken = true, string? origin = "", string? fetchSite = "same-origin")
    {
        var all = fields.ToList();
        if (withToken && Token is not null)
        {
            all.Add(new(TokenField, Token));
        }
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(all) };
        if (origin is not null)
        {
            request.Headers.Add("Origin", origin == "" ? Origin : origin);
        }
        if (fetchSite is not null)
        {
            request.Headers.Add("Sec-Fetch-Site", fetchSite);
        }
        var response = await _http.SendAsync(request);
        var html = await response.Content.ReadAsStringAsync();
        Token = TokenIn(html) ?? Token;
        return (response, html);
    }

    /// <summary>Signs in on the sign-in form with a key; asserts the redirect back.</summary>
    public async Task SignInAsync(string key, string returnUrl = "/")
    {
        await GetAsync("/login?returnUrl=" + Uri.EscapeDataString(returnUrl));
        var (response, html) = await PostFormAsync("/login", [new("apiKey", key), new("returnUrl", returnUrl)]);
        Assert.AreEqual(HttpStatusCode.Redirect, response.StatusCode, html);
    }

    /// <summary>Every cookie value the client holds for the service.</summary>
    public IReadOnlyList<Cookie> AllCookies => Cookies.GetCookies(Address).ToList();

    public void Dispose() => _http.Dispose();

    private static string? TokenIn(string html) =>
        TokenPattern().Match(html) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : null;

    [GeneratedRegex("name=\"" + TokenField + "\"[^>]*value=\"([^\"]*)\"")]
    private static partial Regex TokenPattern();
}
