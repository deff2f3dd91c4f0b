using System.Globalization;
using Decisioning.Host.Pages.Auth;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace Decisioning.Host.Pages;

/// <summary>
/// What every page component knows of its request: the language (<c>da</c> or <c>en</c>), the signed-in page role (null
/// when signed out) and the path and query (for the language switch and the return address after sign-in).
/// </summary>
public sealed record PageContext(string Lang, string? Role, string Path, QueryString Query)
{
    /// <summary>The page context of a request: <c>?lang=</c>, the page scheme's role, the path and query.</summary>
    public static PageContext From(HttpContext context) =>
        new(PageLanguage.Of(context.Request.Query["lang"]), PageCookie.RoleOf(context), context.Request.Path.Value ?? "/", context.Request.QueryString);

    /// <summary>The formatting culture of the page's language.</summary>
    public CultureInfo Culture => PageLanguage.Culture(Lang);

    /// <summary>A local link in the page's language: <paramref name="path"/> with <c>lang</c> set (and the given query words).</summary>
    public string Link(string path, params (string Name, string? Value)[] query)
    {
        var words = new List<KeyValuePair<string, string?>> { new("lang", Lang) };
        words.AddRange(query.Where(q => !string.IsNullOrEmpty(q.Value)).Select(q => new KeyValuePair<string, string?>(q.Name, q.Value)));
        return QueryHelpers.AddQueryString(path, words);
    }

    /// <summary>This page in the other language: the same path and query words, <c>lang</c> switched.</summary>
    public string OtherLanguageLink()
    {
        var words = QueryHelpers.ParseQuery(Query.Value).Where(w => w.Key != "lang")
            .SelectMany(w => w.Value.Select(v => new KeyValuePair<string, string?>(w.Key, v)))
            .Prepend(new("lang", PageLanguage.Other(Lang)));
        return QueryHelpers.AddQueryString(Path, words);
    }

    /// <summary>The path and query as a return address after sign-in (a local path only).</summary>
    public string ReturnUrl => PageAuth.SafeReturn(Path + Query);
}
