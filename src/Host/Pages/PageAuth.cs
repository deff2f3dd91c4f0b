namespace Decisioning.Host.Pages;

/// <summary>The return address after sign-in: a local path only (the page cookie scheme is <see cref="Auth.PageCookie"/>).</summary>
internal static class PageAuth
{
    /// <summary>The longest return address kept; a longer one is replaced by the front page.</summary>
    public const int MaxReturnUrlLength = 2048;

    /// <summary>
    /// Only a local path is returned to after sign-in: one '/' then printable ASCII without '\', so no scheme,
    /// no host ('//' or '/\'), and nothing a browser strips or rewrites (control characters, whitespace); else "/".
    /// </summary>
    public static string SafeReturn(string? url) =>
        url is { Length: > 0 and <= MaxReturnUrlLength }
        && url[0] == '/'
        && (url.Length == 1 || url[1] is not ('/' or '\\'))
        && url.All(c => c is > ' ' and < '\u007f' and not '\\')
            ? url
            : "/";
}
