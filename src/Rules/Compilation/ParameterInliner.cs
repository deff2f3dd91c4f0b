using System.Linq.Expressions;
using System.Runtime.CompilerServices;

namespace Decisioning.Rules.Compilation;

/// <summary>
/// Replaces a scope's parameters by their (already parsed and inlined) values and measures the resulting tree: a
/// parameter counts with its value's measured size, so the cost of this walk is the size of the parsed text, never of
/// the inlined tree (which may share subtrees 2^n times).
/// </summary>
internal sealed class ParameterInliner(ExpressionScope scope) : ExpressionVisitor
{
    private int _depth;

    /// <summary>Nodes of the inlined tree (long: a chain of parameters can make it astronomically large).</summary>
    public long Nodes { get; private set; }

    /// <summary>Depth of the inlined tree.</summary>
    public long Depth { get; private set; }

    public override Expression? Visit(Expression? node)
    {
        if (node is null)
        {
            return null;
        }
        RuntimeHelpers.EnsureSufficientExecutionStack();
        RuleBudget.ThrowIfLoadCancelled();
        Nodes++;
        _depth++;
        Depth = Math.Max(Depth, _depth);
        try
        {
            return base.Visit(node);
        }
        finally
        {
            _depth--;
        }
    }

    protected override Expression VisitParameter(ParameterExpression node)
    {
        foreach (var entry in scope.Entries)
        {
            if (ReferenceEquals(entry.Name, node))
            {
                Nodes += entry.Value.Nodes - 1;
                Depth = Math.Max(Depth, _depth - 1L + entry.Value.Depth);
                return entry.Value.Body;
            }
        }
        return node;
    }
}
