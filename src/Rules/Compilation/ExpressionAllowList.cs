using System.Linq.Expressions;
using System.Reflection;
using System.Text.RegularExpressions;
using Decisioning.Model;
using Decisioning.Pipeline;
using Decisioning.Policy;

namespace Decisioning.Rules.Compilation;

/// <summary>
/// What a rule expression may touch: the domain types the project registers, strings, numbers, dates, <c>Math</c> and
/// LINQ over the domain's lists. Reflection, types, files, processes and the environment are refused.
/// </summary>
internal static partial class ExpressionAllowList
{
    /// <summary>The domain types registered with RulesEngine (its <c>CustomTypes</c>).</summary>
    public static readonly Type[] DomainTypes =
    [
        typeof(Application), typeof(Company), typeof(EmployeeCount), typeof(Assessment), typeof(GrowthAmbition),
        typeof(Scalability), typeof(Organisation), typeof(Market), typeof(Finance), typeof(Project), typeof(Milestone),
        typeof(PriorGrant), typeof(Ordinal), typeof(DecisionFacts), typeof(ActivityDefinition), typeof(DateOnly),
    ];

    private static readonly HashSet<Type> Allowed =
    [
        .. DomainTypes,
        typeof(string), typeof(Math), typeof(decimal), typeof(int), typeof(long), typeof(double), typeof(bool),
        typeof(Enumerable), typeof(object),
    ];

    private static readonly HashSet<Type> AllowedGenerics =
    [
        typeof(Nullable<>), typeof(IReadOnlyList<>), typeof(IReadOnlyCollection<>), typeof(IEnumerable<>),
        typeof(List<>), typeof(ICollection<>), typeof(IList<>), typeof(Func<,>), typeof(Func<,,>),
    ];

    private static readonly HashSet<string> RefusedObjectMethods = ["GetType", "MemberwiseClone", "Finalize"];

    [GeneratedRegex(@"\b(GetType|typeof|Assembly|Activator|Reflection|Environment|Process|AppDomain|File|Directory|Path|Type|System|Marshal|Unsafe|GC|Console|Thread|Task)\b")]
    private static partial Regex RefusedWords();

    [GeneratedRegex("\"(?:[^\"\\\\]|\\\\.)*\"")]
    private static partial Regex StringLiterals();

    /// <summary>Refuses expression text that names reflection, I/O or process APIs (string literals are not looked at).</summary>
    public static string? CheckText(string text)
    {
        var code = StringLiterals().Replace(text, "\"\"");
        var m = RefusedWords().Match(code);
        return m.Success ? $"'{m.Value}' is not allowed in a rule expression (no reflection, types, files, processes or environment)" : null;
    }

    /// <summary>Refuses a parsed expression that reaches a member or method outside the allow-list.</summary>
    public static string? CheckTree(Expression expression)
    {
        var visitor = new Visitor();
        visitor.Visit(expression);
        return visitor.Problem;
    }

    private static bool IsAllowed(Type? type)
    {
        if (type is null)
        {
            return false;
        }
        if (type.IsArray)
        {
            return IsAllowed(type.GetElementType());
        }
        if (type.IsGenericType)
        {
            return AllowedGenerics.Contains(type.GetGenericTypeDefinition()) && type.GetGenericArguments().All(IsAllowed);
        }
        return Allowed.Contains(type) || type.IsEnum && type.Namespace?.StartsWith("Decisioning", StringComparison.Ordinal) == true;
    }

    private sealed class Visitor : ExpressionVisitor
    {
        public string? Problem { get; private set; }

        private void Refuse(string what) => Problem ??= what;

        protected override Expression VisitMethodCall(MethodCallExpression node)
        {
            var declaring = node.Method.DeclaringType;
            if (RefusedObjectMethods.Contains(node.Method.Name) || !IsAllowed(declaring) && declaring != typeof(Enumerable))
            {
                Refuse($"the method {declaring?.Name}.{node.Method.Name} is not allowed in a rule expression");
            }
            return base.VisitMethodCall(node);
        }

        protected override Expression VisitMember(MemberExpression node)
        {
            if (!IsAllowed(node.Member.DeclaringType))
            {
                Refuse($"the member {node.Member.DeclaringType?.Name}.{node.Member.Name} is not allowed in a rule expression");
            }
            return base.VisitMember(node);
        }

        protected override Expression VisitConstant(ConstantExpression node)
        {
            if (node.Value is Type or MemberInfo or Delegate or Assembly || typeof(Type).IsAssignableFrom(node.Type))
            {
                Refuse("types and reflection objects are not allowed in a rule expression");
            }
            return base.VisitConstant(node);
        }

        protected override Expression VisitNew(NewExpression node)
        {
            if (!IsAllowed(node.Type) && !IsAnonymous(node.Type))
            {
                Refuse($"creating a {node.Type.Name} is not allowed in a rule expression");
            }
            return base.VisitNew(node);
        }

        protected override Expression VisitNewArray(NewArrayExpression node)
        {
            if (!IsAllowed(node.Type.GetElementType()))
            {
                Refuse($"an array of {node.Type.GetElementType()?.Name} is not allowed in a rule expression");
            }
            return base.VisitNewArray(node);
        }

        protected override Expression VisitInvocation(InvocationExpression node)
        {
            Refuse("invoking a delegate is not allowed in a rule expression");
            return base.VisitInvocation(node);
        }

        protected override Expression VisitUnary(UnaryExpression node)
        {
            if (node.NodeType is ExpressionType.Convert or ExpressionType.ConvertChecked or ExpressionType.TypeAs && !IsAllowed(node.Type))
            {
                Refuse($"converting to {node.Type.Name} is not allowed in a rule expression");
            }
            return base.VisitUnary(node);
        }

        private static bool IsAnonymous(Type t) => t.Name.Contains("AnonymousType", StringComparison.Ordinal) || t.Namespace is null && t.Name.StartsWith("<>", StringComparison.Ordinal);
    }
}
