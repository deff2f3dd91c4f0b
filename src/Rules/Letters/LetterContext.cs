using System.Globalization;
using System.Text;
using Decisioning.Rules.Letters.Model;
using Scriban;
using Scriban.Functions;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

namespace Decisioning.Rules.Letters;

/// <summary>
/// The Scriban context of one render: strict variables and members, the render limits, the letter's culture, a small
/// set of builtins (html, string, array, math: no clock, no regex, no <c>object.eval</c>) and an <c>include</c> that
/// reads only the snapshot's compiled templates. Every value written is HTML-escaped except rendered templates.
/// </summary>
internal sealed class LetterContext : TemplateContext
{
    private static readonly ScriptObject Builtins = CreateBuiltins();

    /// <summary>One context per thread, reused: Scriban caches its .NET member accessors per context.</summary>
    [ThreadStatic]
    private static LetterContext? t_idle;

    private LetterTemplateSet _templates = LetterTemplateSet.Empty;
    private LetterLanguage? _language;
    private int _maxIncludeDepth;
    private int _includeDepth;

    private LetterContext()
        : base(Builtins)
    {
        StrictVariables = true;
        EnableRelaxedMemberAccess = false;
        EnableRelaxedTargetAccess = false;
        EnableRelaxedIndexerAccess = false;
        EnableRelaxedFunctionAccess = false;
        OnOutputLimit = ScriptLimitBehavior.Throw;
        OnStringLimit = ScriptLimitBehavior.Throw;
        MemberRenamer = StandardMemberRenamer.Default;
        NewLine = "\n";
    }

    /// <summary>Takes this thread's idle context (or a new one) and sets it up for one render.</summary>
    public static LetterContext Rent(LetterTemplateSet templates, LetterLanguage language, LetterLimits limits, CancellationToken cancel)
    {
        var culture = language.Culture;
        var context = t_idle ?? new LetterContext();
        t_idle = null;
        context._templates = templates;
        context._language = language;
        context._maxIncludeDepth = limits.IncludeDepth;
        context._includeDepth = 0;
        context.LoopLimit = limits.LoopLimit;
        context.RecursiveLimit = limits.RecursionLimit;
        context.OutputLimit = limits.OutputChars;
        context.LimitToString = limits.OutputChars;
        context.CancellationToken = cancel;
        context.PushCulture(culture);
        return context;
    }

    /// <summary>Gives the context back after a render that completed; a failed render's context is dropped, not reused.</summary>
    public void Return()
    {
        Reset();
        _templates = LetterTemplateSet.Empty;
        CancellationToken = CancellationToken.None;
        t_idle = this;
    }

    /// <summary>Renders a compiled template of the snapshot in this context and returns its HTML.</summary>
    public HtmlFragment RenderFragment(Template template)
    {
        PushOutput();
        try
        {
            var rendered = template.Render(this);
            return new HtmlFragment(rendered ?? Output.ToString() ?? "");
        }
        finally
        {
            PopOutput();
        }
    }

    /// <inheritdoc />
    public override TemplateContext Write(SourceSpan span, object? textAsObject)
    {
        switch (textAsObject)
        {
            case null: // Scriban prints nothing for null; the letter tests look for the empty elements it would leave
                break;
            case HtmlFragment html:
                Write(html.Html);
                break;
            case IScriptOutput rendered: // a capture block: already rendered (and escaped) template output
                Write(rendered.ToString() ?? "");
                break;
            case ILetterText text:
                Write(Escape(text.Text));
                break;
            case string s:
                Write(Escape(s));
                break;
            default:
                Write(Escape(ObjectToString(textAsObject) ?? ""));
                break;
        }
        return this;
    }

    /// <inheritdoc />
    public override string? ObjectToString(object? value, bool nested = false) =>
        value switch
        {
            ILetterText text => text.Text,
            HtmlFragment html => html.Html,
            _ => base.ObjectToString(value, nested),
        };

    /// <summary><c>add_years date n</c>: the date n years later (29 February to 28 February), in the letter's language; e.g. the day a company turns 3.</summary>
    private LetterDate AddYears(LetterDate date, int years)
    {
        if (years is < 0 or > 200)
        {
            throw new ScriptRuntimeException(CurrentNode?.Span ?? default, $"add_years: {years} years is out of range (0-200)");
        }
        var day = DateOnly.ParseExact(date.Iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        return _language!.Date(day.AddYears(years));
    }

    private HtmlFragment? Include(SourceSpan span, string name)
    {
        var path = "templates/" + name;
        if (!_templates.TryGetTemplate(path, out var template))
        {
            throw new ScriptRuntimeException(span, $"include \"{name}\": there is no template {path} in this rule set");
        }
        if (_includeDepth >= _maxIncludeDepth)
        {
            throw new ScriptRuntimeException(span, $"include \"{name}\": includes are nested more than {_maxIncludeDepth} deep (does a template include itself?)");
        }
        _includeDepth++;
        try
        {
            Evaluate(template.Page!); // straight into the current output: no copy of the included text
            return null;
        }
        finally
        {
            _includeDepth--;
        }
    }

    /// <summary>
    /// Escapes every character HTML gives a meaning in text or a quoted attribute: &amp;, &lt;, &gt;, double and single
    /// quotes; a string without them is returned as it is.
    /// </summary>
    internal static string Escape(string text)
    {
        if (text.AsSpan().IndexOfAny("&<>\"'") < 0)
        {
            return text;
        }
        var sb = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            _ = c switch
            {
                '&' => sb.Append("&amp;"),
                '<' => sb.Append("&lt;"),
                '>' => sb.Append("&gt;"),
                '"' => sb.Append("&quot;"),
                '\'' => sb.Append("&#39;"),
                _ => sb.Append(c),
            };
        }
        return sb.ToString();
    }

    private static ScriptObject CreateBuiltins()
    {
        var builtins = new ScriptObject();
        builtins.SetValue("html", new HtmlFunctions(), true);
        builtins.SetValue("string", new StringFunctions(), true);
        builtins.SetValue("array", new ArrayFunctions(), true);
        builtins.SetValue("math", new MathFunctions(), true);
        builtins.Import("include", new Func<TemplateContext, string, HtmlFragment?>(
            (context, name) => ((LetterContext)context).Include(context.CurrentNode?.Span ?? default, name)));
        builtins.Import("add_years", new Func<TemplateContext, LetterDate, int, LetterDate>(
            (context, date, years) => ((LetterContext)context).AddYears(date, years)));
        builtins.IsReadOnly = true;
        return builtins;
    }
}
