using System.Linq.Expressions;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Decisioning.Model;
using Decisioning.Pipeline;
using Decisioning.Policy;

namespace Decisioning.Rules.Compilation;

/// <summary>
/// What a rule expression may touch: the domain types the project registers, and named methods of strings, numbers,
/// <c>Math</c> and LINQ over the domain's lists. Reflection, types, files, processes and the environment are refused, and
/// so is every method that could make a value without bound (<c>Repeat</c>, <c>SelectMany</c>, <c>Aggregate</c>,
/// <c>Replace</c>, <c>Join</c>, a number's <c>ToString(format)</c>, <c>new string(c, n)</c>); the size argument of
/// <c>Range</c>, <c>PadLeft</c> and <c>PadRight</c> is bounded when the rule runs (<see cref="BoundedCalls"/>).
/// </summary>
internal static partial class ExpressionAllowList
{
    /// <summary>The domain types registered with RulesEngine (its <c>CustomTypes</c>).</summary>
    public static readonly Type[] DomainTypes =
    [
        typeof(Application), typeof(Company), typeof(EmployeeCount), typeof(Assessment), typeof(GrowthAmbition),
        typeof(Scalability), typeof(Organisation), typeof(Market), typeof(Finance), typeof(Project), typeof(Milestone),
        typeof(PriorGrant), typeof(InputValues), typeof(Ordinal), typeof(DecisionFacts), typeof(ActivityDefinition), typeof(DateOnly),
    ];

    private static readonly HashSet<Type> Allowed =
    [
        .. DomainTypes,
        typeof(string), typeof(Math), typeof(decimal), typeof(int), typeof(long), typeof(double), typeof(bool),
        typeof(object),
    ];

    /// <summary>The methods of the types outside the domain a rule may call, by name (every overload, unless refused below).</summary>
    private static readonly Dictionary<Type, HashSet<string>> AllowedMethods = new()
    {
        [typeof(string)] =
        [
            "Contains", "StartsWith", "EndsWith", "Equals", "IsNullOrEmpty", "IsNullOrWhiteSpace", "Trim", "TrimStart", "TrimEnd",
            "ToUpperInvariant", "ToLowerInvariant", "ToUpper", "ToLower", "Substring", "IndexOf", "LastIndexOf", "Compare",
            "CompareOrdinal", "CompareTo", "Concat", "PadLeft", "PadRight", "ToString", "get_Chars", "get_Length",
        ],
        [typeof(Math)] = ["Abs", "Ceiling", "Floor", "Round", "Max", "Min", "Truncate", "Sign", "Pow", "Sqrt", "Clamp"],
        [typeof(decimal)] = ["Round", "Floor", "Ceiling", "Truncate", "Compare", "CompareTo", "Equals", "ToString"],
        [typeof(int)] = ["CompareTo", "Equals", "ToString"],
        [typeof(long)] = ["CompareTo", "Equals", "ToString"],
        [typeof(double)] = ["CompareTo", "Equals", "ToString"],
        [typeof(bool)] = ["CompareTo", "Equals", "ToString"],
        [typeof(object)] = ["Equals", "ToString", "ReferenceEquals"],
        [typeof(Enumerable)] =
        [
            "Any", "All", "Count", "LongCount", "Sum", "Min", "Max", "Average", "Where", "Select", "First", "FirstOrDefault",
            "Last", "LastOrDefault", "Single", "SingleOrDefault", "Contains", "OrderBy", "OrderByDescending", "ThenBy",
            "ThenByDescending", "Distinct", "Skip", "Take", "ToList", "ToArray", "Range", "ElementAt", "ElementAtOrDefault",
            "DefaultIfEmpty", "Concat",
        ],
    };

    /// <summary>The read-only methods of the collection and nullable types a rule may call.</summary>
    private static readonly HashSet<string> AllowedGenericMethods =
        ["get_Item", "get_Count", "Contains", "IndexOf", "GetValueOrDefault", "get_HasValue", "get_Value", "Equals", "ToString"];

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
        if (text.Length > RuleSetLimits.MaxExpressionLength)
        {
            return $"the expression is {text.Length} characters long; at most {RuleSetLimits.MaxExpressionLength} are allowed";
        }
        var code = StringLiterals().Replace(text, "\"\"");
        if (NestingDepth(code) is var depth && depth > RuleSetLimits.MaxNestingDepth)
        {
            return $"the expression nests brackets {depth} deep; at most {RuleSetLimits.MaxNestingDepth} are allowed";
        }
        var m = RefusedWords().Match(code);
        return m.Success ? $"'{m.Value}' is not allowed in a rule expression (no reflection, types, files, processes or environment)" : null;
    }

    /// <summary>The deepest nesting of <c>( [ {</c> in the text (string literals already blanked): a counter, not a parser.</summary>
    private static int NestingDepth(string code)
    {
        int depth = 0, deepest = 0;
        foreach (var c in code)
        {
            if (c is '(' or '[' or '{')
            {
                deepest = Math.Max(deepest, ++depth);
            }
            else if (c is ')' or ']' or '}')
            {
                depth = Math.Max(0, depth - 1);
            }
        }
        return deepest;
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

    /// <summary>True when a rule may call the method: any method of a domain type, named methods of the other types.</summary>
    private static bool IsAllowedMethod(MethodInfo method)
    {
        var declaring = method.DeclaringType;
        if (declaring is null || RefusedObjectMethods.Contains(method.Name))
        {
            return false;
        }
        if (DomainTypes.Contains(declaring) || declaring.IsEnum && IsAllowed(declaring))
        {
            return true;
        }
        if (declaring.IsGenericType)
        {
            return IsAllowed(declaring) && AllowedGenericMethods.Contains(method.Name);
        }
        if (!AllowedMethods.TryGetValue(declaring, out var names) || !names.Contains(method.Name))
        {
            return false;
        }
        var parameters = method.GetParameters();
        return method.Name switch
        {
            // A number's ToString(format) can ask for a billion digits ("D999999999").
            "ToString" => declaring == typeof(string) || declaring == typeof(object) || parameters.Length == 0,
            // string.Concat(IEnumerable) could join a whole range of strings; only the operator's overloads.
            "Concat" when declaring == typeof(string) => parameters.All(p => p.ParameterType == typeof(string) || p.ParameterType == typeof(object)),
            _ => true,
        };
    }

    private sealed class Visitor : ExpressionVisitor
    {
        public string? Problem { get; private set; }

        private void Refuse(string what) => Problem ??= what;

        public override Expression? Visit(Expression? node)
        {
            RuntimeHelpers.EnsureSufficientExecutionStack();
            return Problem is null ? base.Visit(node) : node;
        }

        protected override Expression VisitMethodCall(MethodCallExpression node)
        {
            if (!IsAllowedMethod(node.Method))
            {
                Refuse($"the method {node.Method.DeclaringType?.Name}.{node.Method.Name} is not allowed in a rule expression");
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
            if (node.Type == typeof(string) || node.Type.IsGenericType && node.Type.GetGenericTypeDefinition() == typeof(List<>))
            {
                Refuse($"creating a {node.Type.Name} is not allowed in a rule expression");
            }
            else if (!IsAllowed(node.Type) && !IsAnonymous(node.Type))
            {
                Refuse($"creating a {node.Type.Name} is not allowed in a rule expression");
            }
            return base.VisitNew(node);
        }

        protected override Expression VisitNewArray(NewArrayExpression node)
        {
            if (node.NodeType == ExpressionType.NewArrayBounds)
            {
                Refuse("an array of a given size is not allowed in a rule expression (list its elements)");
            }
            else if (!IsAllowed(node.Type.GetElementType()))
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
