using System.Globalization;
using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using System.Text;
using Decisioning.Model;
using Decisioning.Pipeline;
using Decisioning.Policy;
using FastExpressionCompiler;
using RulesEngine.ExpressionBuilders;
using ReSettings = RulesEngine.Models.ReSettings;

namespace Decisioning.Rules.Compilation;

/// <summary>
/// Parses rule expressions with RulesEngine's expression parser (System.Linq.Dynamic.Core under RulesEngine's
/// settings), inlines scoped parameters, checks the allow-list and compiles each to a typed delegate, once per
/// snapshot. Evaluation then costs one delegate call: no per-call parsing, no per-call allocation by the engine.
/// </summary>
internal sealed class ExpressionCompiler
{
    public static readonly ParameterExpression A = Expression.Parameter(typeof(Application), "a");
    public static readonly ParameterExpression F = Expression.Parameter(typeof(DecisionFacts), "f");
    public static readonly ParameterExpression M = Expression.Parameter(typeof(Milestone), "m");

    /// <summary>The RulesEngine settings of every snapshot: only the project's types, case-sensitive, no auto-registration.</summary>
    public static ReSettings Settings() => new()
    {
        CustomTypes = ExpressionAllowList.DomainTypes,
        AutoRegisterInputType = false,
        IsExpressionCaseSensitive = true,
        UseFastExpressionCompiler = true,
        EnableExceptionAsErrorMessage = true,
        EnableExceptionAsErrorMessageForRuleExpressionParsing = true,
        IgnoreException = false,
    };

    private readonly RuleExpressionParser _parser = new(Settings());

    /// <summary>Parses an expression; throws <see cref="ExpressionException"/> with a readable message when it is refused.</summary>
    public Expression Parse(string text, ExpressionScope scope, Type? returnType, bool withMilestone = false) =>
        ParseMeasured(text, scope, returnType, withMilestone).Body;

    /// <summary>
    /// Parses an expression and puts its parameters in place, within the loader's limits: length and bracket depth
    /// before parsing, node count and depth of the inlined tree before anything walks it, then the allow-list.
    /// </summary>
    public ParsedExpression ParseMeasured(string text, ExpressionScope scope, Type? returnType, bool withMilestone = false)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new ExpressionException("the expression is empty");
        }
        if (ExpressionAllowList.CheckText(text) is { } refusedText)
        {
            throw new ExpressionException(refusedText);
        }
        var parameters = new List<ParameterExpression> { A, F };
        if (withMilestone)
        {
            parameters.Add(M);
        }
        parameters.AddRange(scope.Entries.Select(e => e.Name));
        Expression body;
        try
        {
            body = _parser.Parse(text, [.. parameters], returnType);
        }
        catch (Exception ex) when (ex is not (RuleBudgetException or OutOfMemoryException))
        {
            throw new ExpressionException($"'{Abbreviate(text)}' does not parse: {ex.Message}");
        }
        var inliner = new ParameterInliner(scope);
        body = inliner.Visit(body)!;
        if (inliner.Nodes > RuleSetLimits.MaxTreeNodes || inliner.Depth > RuleSetLimits.MaxTreeDepth)
        {
            throw new ExpressionException(
                $"'{Abbreviate(text)}' is too large once its parameters are put in place ({inliner.Nodes} nodes, {inliner.Depth} deep; " +
                $"at most {RuleSetLimits.MaxTreeNodes} nodes, {RuleSetLimits.MaxTreeDepth} deep): split it, or stop parameters from using each other twice");
        }
        if (ExpressionAllowList.CheckTree(body) is { } refusedTree)
        {
            throw new ExpressionException(refusedTree);
        }
        if (returnType is not null && body.Type != returnType)
        {
            body = Expression.Convert(body, returnType);
        }
        return new ParsedExpression(body, (int)inliner.Nodes + 1, (int)inliner.Depth + 1);
    }

    /// <summary>The start of a long expression, for an error message.</summary>
    private static string Abbreviate(string text) => text.Length <= 120 ? text : text[..120] + "…";

    /// <summary>Compiles an expression over <c>a</c> and <c>f</c> to a typed delegate that runs within its evaluation budget.</summary>
    public RuleFunc<T> Compile<T>(string text, ExpressionScope scope)
    {
        var body = Parse(text, scope, typeof(T));
        return Expression.Lambda<RuleFunc<T>>(BudgetRewriter.Apply(body), A, F).CompileFast();
    }

    /// <summary>
    /// Evaluates a parameter expression that must not depend on the case (a constant such as a pass mark). Whatever the
    /// evaluation throws (a division by zero, its budget) is an <see cref="ExpressionException"/> like any other refusal.
    /// </summary>
    public T Constant<T>(string text, ExpressionScope scope)
    {
        var body = Parse(text, scope, typeof(T));
        var uses = new ParameterFinder();
        uses.Visit(body);
        if (uses.Found)
        {
            throw new ExpressionException($"'{Abbreviate(text)}' must be a constant: it may not read the application or the facts");
        }
        var evaluate = Expression.Lambda<Func<T>>(BudgetRewriter.Apply(body)).CompileFast();
        try
        {
            return evaluate();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException && !(ex is RuleBudgetException && RuleBudget.t_load.IsCancellationRequested))
        {
            throw new ExpressionException($"'{Abbreviate(text)}' cannot be evaluated: {ex.Message}");
        }
    }

    /// <summary>
    /// Compiles a message: literal text with <c>{expression}</c> placeholders (<c>{{</c> and <c>}}</c> for braces).
    /// Dates print as yyyy-MM-dd and numbers without trailing zeros.
    /// </summary>
    public MessageFunc CompileMessage(string? template, ExpressionScope scope, bool withMilestone = false)
    {
        if (string.IsNullOrEmpty(template))
        {
            return static (_, _, _) => "";
        }
        var parts = new List<MessagePart>();
        var literal = new StringBuilder();
        var placeholders = 0;
        for (var i = 0; i < template.Length; i++)
        {
            var c = template[i];
            if (c == '{' && i + 1 < template.Length && template[i + 1] == '{' || c == '}' && i + 1 < template.Length && template[i + 1] == '}')
            {
                literal.Append(c);
                i++;
                continue;
            }
            if (c == '}')
            {
                throw new ExpressionException($"message '{template}' has a '}}' without its '{{'");
            }
            if (c != '{')
            {
                literal.Append(c);
                continue;
            }
            var end = template.IndexOf('}', i + 1);
            if (end < 0)
            {
                throw new ExpressionException($"message '{template}' has a '{{' without its '}}'");
            }
            if (literal.Length > 0)
            {
                parts.Add(new MessagePart(literal.ToString(), null));
                literal.Clear();
            }
            var body = Parse(template[(i + 1)..end], scope, null, withMilestone);
            // Each placeholder appends its value itself, by its type (no boxing for the common types): see Appending.
            var append = Appending(Sb, BudgetRewriter.Apply(body));
            parts.Add(new MessagePart(null, Expression.Lambda<Action<StringBuilder, Application, DecisionFacts, Milestone?>>(append, Sb, A, F, M).CompileFast()));
            placeholders++;
            i = end;
        }
        if (literal.Length > 0)
        {
            parts.Add(new MessagePart(literal.ToString(), null));
        }
        if (placeholders == 0)
        {
            // A message without placeholders is its text: nothing to render per decision.
            var text = string.Concat(parts.Select(p => p.Literal));
            return (_, _, _) => text;
        }
        var array = parts.ToArray();
        return (a, f, m) =>
        {
            // One builder per thread, reused: a message allocates only its string (and any boxed value).
            var sb = t_messageBuilder ?? new StringBuilder(256);
            t_messageBuilder = null;
            sb.Clear();
            try
            {
                foreach (var part in array)
                {
                    if (part.Literal is { } text)
                    {
                        sb.Append(text);
                    }
                    else
                    {
                        part.Append!(sb, a, f, m);
                    }
                }
                return sb.ToString();
            }
            finally
            {
                if (sb.Capacity <= 4096)
                {
                    t_messageBuilder = sb;
                }
            }
        };
    }

    [ThreadStatic]
    private static StringBuilder? t_messageBuilder;

    /// <summary>A piece of a compiled message: literal text, or an expression whose value is formatted.</summary>
    private sealed record MessagePart(string? Literal, Action<StringBuilder, Application, DecisionFacts, Milestone?>? Append);

    private static readonly ParameterExpression Sb = Expression.Parameter(typeof(StringBuilder), "sb");

    /// <summary>
    /// A call that appends <paramref name="value"/> to <paramref name="sb"/> as <see cref="Format"/> writes it: typed for
    /// strings, whole numbers, decimals, dates and yes/no (and their nullable forms), boxed for anything else.
    /// </summary>
    private static MethodCallExpression Appending(ParameterExpression sb, Expression value)
    {
        var typed = typeof(ExpressionCompiler).GetMethod(nameof(AppendValue), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static, [typeof(StringBuilder), value.Type]);
        return typed is not null && typed.GetParameters()[1].ParameterType == value.Type // exactly: no widening by the binder
            ? Expression.Call(typed, sb, value)
            : Expression.Call(typeof(ExpressionCompiler).GetMethod(nameof(AppendFormatted), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!, sb, Expression.Convert(value, typeof(object)));
    }

    private static void AppendValue(StringBuilder sb, string? value) => sb.Append(value ?? "none");

    private static void AppendValue(StringBuilder sb, int value) => sb.Append(CultureInfo.InvariantCulture, $"{value}");

    private static void AppendValue(StringBuilder sb, int? value) => AppendFormatted(sb, value);

    private static void AppendValue(StringBuilder sb, bool value) => sb.Append(value ? "yes" : "no");

    private static void AppendValue(StringBuilder sb, bool? value) => sb.Append(value is { } b ? b ? "yes" : "no" : "none");

    private static void AppendValue(StringBuilder sb, decimal value) => AppendDecimal(sb, value);

    private static void AppendValue(StringBuilder sb, decimal? value) => _ = value is { } v ? AppendDecimal(sb, v) : sb.Append("none");

    private static void AppendValue(StringBuilder sb, DateOnly value) => AppendDate(sb, value);

    private static void AppendValue(StringBuilder sb, DateOnly? value) => _ = value is { } v ? AppendDate(sb, v) : sb.Append("none");

    /// <summary>A decimal without trailing zeros; a whole amount (most are kroner) without the division that normalises it.</summary>
    private static StringBuilder AppendDecimal(StringBuilder sb, decimal m) =>
        m != 0 && m == decimal.Truncate(m) && m is >= long.MinValue and <= long.MaxValue
            ? sb.Append(CultureInfo.InvariantCulture, $"{(long)m}")
            : sb.Append(CultureInfo.InvariantCulture, $"{m / 1.0000000000000000000000000000m}");

    /// <summary><c>yyyy-MM-dd</c>, as the invariant culture writes it, without the general date formatter.</summary>
    private static StringBuilder AppendDate(StringBuilder sb, DateOnly d)
    {
        Span<char> text = stackalloc char[10];
        Digits(text[..4], d.Year);
        text[4] = '-';
        Digits(text.Slice(5, 2), d.Month);
        text[7] = '-';
        Digits(text.Slice(8, 2), d.Day);
        return sb.Append(text);
    }

    private static void Digits(Span<char> into, int value)
    {
        for (var i = into.Length - 1; i >= 0; i--)
        {
            into[i] = (char)('0' + value % 10);
            value /= 10;
        }
    }

    /// <summary>Appends <see cref="Format"/>'s text for a value without an intermediate string for the common types.</summary>
    private static void AppendFormatted(StringBuilder sb, object? value)
    {
        switch (value)
        {
            case string s:
                sb.Append(s);
                break;
            case int i:
                sb.Append(CultureInfo.InvariantCulture, $"{i}");
                break;
            case decimal m:
                sb.Append(CultureInfo.InvariantCulture, $"{m / 1.0000000000000000000000000000m}");
                break;
            case DateOnly d:
                sb.Append(CultureInfo.InvariantCulture, $"{d:yyyy-MM-dd}");
                break;
            default:
                sb.Append(Format(value));
                break;
        }
    }

    /// <summary>Formats a value for a message: invariant culture, ISO dates, numbers without trailing zeros.</summary>
    public static string Format(object? value) => value switch
    {
        null => "none",
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        decimal m => (m / 1.0000000000000000000000000000m).ToString(CultureInfo.InvariantCulture),
        bool b => b ? "yes" : "no",
        IFormattable x => x.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private sealed class ParameterFinder : ExpressionVisitor
    {
        public override Expression? Visit(Expression? node)
        {
            RuntimeHelpers.EnsureSufficientExecutionStack();
            return base.Visit(node);
        }

        public bool Found { get; private set; }

        protected override Expression VisitParameter(ParameterExpression node)
        {
            if (node == A || node == F || node == M)
            {
                Found = true;
            }
            return node;
        }
    }
}

/// <summary>An expression that does not parse or is refused by the allow-list.</summary>
internal sealed class ExpressionException(string message) : Exception(message);
