using System.Linq.Expressions;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace Decisioning.Rules.Compilation;

/// <summary>
/// Puts the evaluation budget into a checked expression before it is compiled: the expression starts its budget
/// (<see cref="RuleBudget.Begin"/>), every inner lambda counts a step, and the calls whose size argument could be
/// too large (<c>Enumerable.Range</c>, <c>PadLeft</c>, <c>PadRight</c>) go through <see cref="BoundedCalls"/>.
/// </summary>
internal sealed class BudgetRewriter : ExpressionVisitor
{
    private static readonly MethodInfo Begin = typeof(RuleBudget).GetMethod(nameof(RuleBudget.Begin))!;
    private static readonly MethodInfo Step = typeof(RuleBudget).GetMethod(nameof(RuleBudget.Step))!;

    private BudgetRewriter()
    {
    }

    /// <summary>The expression with its budget: a block that starts the budget and then evaluates the rewritten expression.</summary>
    public static Expression Apply(Expression body)
    {
        var rewritten = new BudgetRewriter().Visit(body)!;
        return Expression.Block(rewritten.Type, Expression.Call(Begin), rewritten);
    }

    public override Expression? Visit(Expression? node)
    {
        RuntimeHelpers.EnsureSufficientExecutionStack();
        return base.Visit(node);
    }

    protected override Expression VisitLambda<T>(Expression<T> node)
    {
        var body = Visit(node.Body)!;
        return Expression.Lambda<T>(Expression.Block(body.Type, Expression.Call(Step), body), node.Name, node.TailCall, node.Parameters);
    }

    protected override Expression VisitMethodCall(MethodCallExpression node)
    {
        var method = node.Method;
        if (method.DeclaringType == typeof(Enumerable) && method.Name == nameof(Enumerable.Range))
        {
            return Expression.Call(typeof(BoundedCalls), nameof(BoundedCalls.Range), null, [.. node.Arguments.Select(a => Visit(a)!)]);
        }
        if (method.DeclaringType == typeof(string) && method.Name is nameof(string.PadLeft) or nameof(string.PadRight) && node.Object is not null)
        {
            return Expression.Call(typeof(BoundedCalls), method.Name, null, [Visit(node.Object)!, .. node.Arguments.Select(a => Visit(a)!)]);
        }
        return base.VisitMethodCall(node);
    }
}
