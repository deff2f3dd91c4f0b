using System.Linq.Expressions;

namespace Decisioning.Rules.Compilation;

/// <summary>
/// The named parameters visible to an expression (a workflow's <c>GlobalParams</c>, a rule's <c>LocalParams</c>), each
/// already parsed. Immutable: <see cref="With"/> returns a new scope.
/// </summary>
internal sealed class ExpressionScope
{
    public static readonly ExpressionScope Empty = new([]);

    private ExpressionScope(IReadOnlyList<(ParameterExpression Name, Expression Value)> entries) => Entries = entries;

    public IReadOnlyList<(ParameterExpression Name, Expression Value)> Entries { get; }

    public ExpressionScope With(string name, Expression value)
    {
        var list = Entries.Where(e => e.Name.Name != name).ToList();
        list.Add((Expression.Parameter(value.Type, name), value));
        return new ExpressionScope(list);
    }
}
