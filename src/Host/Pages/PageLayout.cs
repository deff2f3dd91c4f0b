using System.Text;
using static Decisioning.Host.Pages.Html;

namespace Decisioning.Host.Pages;

/// <summary>The page shell: language, skip link, navigation, main landmark and a plain stylesheet.</summary>
internal static class PageLayout
{
    private const string Css = """
        :root { font-family: system-ui, sans-serif; line-height: 1.45; color: #111; }
        body { margin: 0; }
        header { background: #0b3d5c; color: #fff; padding: .6em 1em; display: flex; gap: 1.5em; align-items: center; flex-wrap: wrap; }
        header a { color: #fff; }
        main { padding: 1em; max-width: 72em; }
        .skip { position: absolute; left: -999px; } .skip:focus { left: 1em; top: 1em; background: #fff; color: #000; padding: .3em; }
        :focus-visible { outline: 3px solid #f2a900; outline-offset: 2px; }
        fieldset { margin: 0 0 1em; border: 1px solid #aaa; } legend { font-weight: 600; }
        label { display: inline-block; min-width: 16em; } .field { margin: .25em 0; }
        .hint { color: #444; font-size: .9em; } .error { color: #a00000; font-weight: 600; }
        table { border-collapse: collapse; margin: .5em 0 1em; } th, td { border: 1px solid #bbb; padding: .25em .5em; text-align: left; vertical-align: top; }
        caption { text-align: left; font-weight: 600; padding: .25em 0; }
        .bar { background: #0b3d5c; height: 1em; display: block; } .barbox { width: 12em; background: #e5e5e5; display: inline-block; vertical-align: middle; } td { white-space: normal; }
        .notice { border-left: 4px solid #0b3d5c; padding: .5em 1em; background: #eef4f8; }
        .problem { border-left: 4px solid #a00000; padding: .5em 1em; background: #fbeeee; }
        iframe { width: 100%; height: 32em; border: 1px solid #aaa; }
        code { font-size: .9em; }
        """;

    public static string Page(PageText t, string title, string body, string? role = null, string path = "/")
    {
        var other = t.Lang == "da" ? "en" : "da";
        var sb = new StringBuilder();
        sb.Append($"<!DOCTYPE html><html lang=\"{t.Lang}\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        sb.Append($"<title>{E(title)} – {E(t["app"])}</title><style>{Css}</style></head><body>");
        sb.Append($"<a class=\"skip\" href=\"#main\">{E(t["skip"])}</a>");
        sb.Append($"<header><strong>{E(t["app"])}</strong><nav aria-label=\"{E(t["app"])}\">");
        sb.Append($"<a href=\"/?lang={t.Lang}\">{E(t["home"])}</a> · <a href=\"/consultant?lang={t.Lang}\">{E(t["consultant"])}</a> · ");
        sb.Append($"<a href=\"/committee?lang={t.Lang}\">{E(t["committee"])}</a> · <a href=\"/policy?lang={t.Lang}\">{E(t["policy"])}</a></nav>");
        sb.Append($"<a href=\"{E(path)}{(path.Contains('?') ? "&" : "?")}lang={other}\" lang=\"{other}\">{E(t["other-lang"])}</a>");
        if (role is not null)
        {
            sb.Append($"<form method=\"post\" action=\"/logout\"><span>{E(role)}</span> <button type=\"submit\">{E(t["logout"])}</button></form>");
        }
        sb.Append($"</header><main id=\"main\"><h1>{E(title)}</h1>{body}</main></body></html>");
        return sb.ToString();
    }
}
