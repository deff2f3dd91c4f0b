using System.Linq.Expressions;

namespace Decisioning.Rules.Compilation;

/// <summary>
/// The named parameters visible to an expression (a workflow's <c>GlobalParams</c>, a rule's <c>LocalParams</c>), each
/// already parsed, with the size of its tree once its own parameters are put in place (so a chain of parameters that
/// use each other twice is measured, and refused, without walking its 2^n nodes). Immutable: <see cref="With"/>
/// returns a new scope.
/// </summary>
internal sealed class ExpressionScope
{
    public static readonly ExpressionScope Empty = new([]);

    private ExpressionScope(IReadOnlyList<ScopeEntry> entries) => Entries = entries;

    public IReadOnlyList<ScopeEntry> Entries { get; }

    public ExpressionScope With(string name, ParsedExpression value)
    {
        var list = Entries.Where(e => e.Name.Name != name).ToList();
        list.Add(new ScopeEntry(Expression.Parameter(value.Body.Type, name), value));
        return new ExpressionScope(list);
    }
}

/// <summary>One named parameter of a scope and its parsed value.</summary>
internal sealed record ScopeEntry(ParameterExpression Name, ParsedExpression Value);

/// <summary>A parsed expression, its parameters put in place, with the node count and depth of that tree.</summary>
internal sealed record ParsedExpression(Expression Body, int Nodes, int Depth);
