using System.Linq.Expressions;
using System.Reflection;
using System.Runtime.CompilerServices;
using Decisioning.Model;

namespace Decisioning.Input;

/// <summary>
/// Binds a validated <see cref="ContractObject"/> tree to the typed model, derived from the declaration: each declared
/// field goes to the model property (or positional record parameter) of the same name, converted by its
/// <see cref="FieldKind"/>; a declared field the model has no member for goes to <see cref="Application.Inputs"/> by
/// its path. The binder is compiled once per declaration (expression trees, as fast as a hand-written read), and it
/// refuses, when built, a model member that is required but not declared or a declared field whose kind does not fit
/// its member, so the declaration and the model cannot drift apart silently.
/// </summary>
internal sealed class ModelBinder
{
    private static readonly ConditionalWeakTable<IReadOnlyList<ContractField>, ModelBinder> Cache = new();

    private static readonly MethodInfo StringAt = typeof(ContractObject).GetMethod(nameof(ContractObject.String), [typeof(int)])!;
    private static readonly MethodInfo WordAt = typeof(ContractObject).GetMethod(nameof(ContractObject.Word), [typeof(int)])!;
    private static readonly MethodInfo NumberAt = typeof(ContractObject).GetMethod(nameof(ContractObject.Number), [typeof(int)])!;
    private static readonly MethodInfo BoolAt = typeof(ContractObject).GetMethod(nameof(ContractObject.Bool), [typeof(int)])!;
    private static readonly MethodInfo DateAt = typeof(ContractObject).GetMethod(nameof(ContractObject.Date), [typeof(int)])!;
    private static readonly MethodInfo ObjectAt = typeof(ContractObject).GetMethod(nameof(ContractObject.Object), [typeof(int)])!;
    private static readonly MethodInfo ItemsAt = typeof(ContractObject).GetMethod(nameof(ContractObject.Items), [typeof(int)])!;
    private static readonly MethodInfo ListOf = typeof(ModelBinder).GetMethod(nameof(BindList), BindingFlags.NonPublic | BindingFlags.Static)!;
    private static readonly MethodInfo ObjectOf = typeof(ModelBinder).GetMethod(nameof(BindObject), BindingFlags.NonPublic | BindingFlags.Static)!;
    private static readonly MethodInfo WordText = typeof(ModelBinder).GetMethod(nameof(WordOf), BindingFlags.NonPublic | BindingFlags.Static)!;

    private readonly Func<ContractObject, Application> _bind;

    // Per object's field list: which of its fields have no model member (their values go to Inputs). Null: all bound.
    private readonly Dictionary<IReadOnlyList<ContractField>, bool[]> _unbound = new(ReferenceEqualityComparer.Instance);

    private ModelBinder(IReadOnlyList<ContractField> fields)
    {
        _bind = (Func<ContractObject, Application>)Compile(typeof(Application), fields);
        HasInputs = _unbound.Count > 0;
    }

    /// <summary>True when the declaration has fields the typed model does not carry.</summary>
    public bool HasInputs { get; }

    /// <summary>The binder of a declaration (the root object's fields), built on first use.</summary>
    public static ModelBinder For(IReadOnlyList<ContractField> fields) => Cache.GetValue(fields, f => new ModelBinder(f));

    /// <summary>The application of a tree that validated without error.</summary>
    public Application Bind(ContractObject root)
    {
        var application = _bind(root);
        if (!HasInputs)
        {
            return application;
        }
        var values = new Dictionary<string, object>(StringComparer.Ordinal);
        Collect(root, "", bound: true, values);
        return application with { Inputs = new InputValues(values) };
    }

    private void Collect(ContractObject o, string prefix, bool bound, Dictionary<string, object> values)
    {
        var unbound = bound ? _unbound.GetValueOrDefault(o.Fields) : null;
        for (var i = 0; i < o.Fields.Count; i++)
        {
            var field = o.Fields[i];
            var inInputs = !bound || (unbound is not null && unbound[i]);
            var path = prefix + field.Name;
            switch (field.Kind)
            {
                case FieldKind.Object when o.Object(i) is { } inner:
                    Collect(inner, path + ".", bound && !inInputs, values);
                    break;
                case FieldKind.ObjectArray when o.Items(i) is { } items:
                    for (var j = 0; j < items.Count; j++)
                    {
                        Collect(items[j]!, $"{path}[{j}].", bound && !inInputs, values);
                    }
                    break;
                default:
                    if (inInputs && Leaf(o, i, field.Kind) is { } value)
                    {
                        values[path] = value;
                    }
                    break;
            }
        }
    }

    private static object? Leaf(ContractObject o, int i, FieldKind kind) => kind switch
    {
        FieldKind.Bool => o.Bool(i),
        FieldKind.Date => o.Date(i),
        FieldKind.Whole or FieldKind.Number => o.Number(i),
        FieldKind.Word => o.Word(i)?.Word,
        _ => o.String(i),
    };

    /// <summary>A compiled <c>Func&lt;ContractObject, T&gt;</c> for a model type and the fields declared for it.</summary>
    private Delegate Compile(Type type, IReadOnlyList<ContractField> fields)
    {
        var o = Expression.Parameter(typeof(ContractObject), "o");
        var unbound = new bool[fields.Count];
        Expression body;
        var constructor = type.GetConstructor(Type.EmptyTypes);
        if (constructor is not null)
        {
            var bindings = new List<MemberBinding>();
            for (var i = 0; i < fields.Count; i++)
            {
                var property = type.GetProperty(Pascal(fields[i].Name), BindingFlags.Public | BindingFlags.Instance);
                if (property is null || property.SetMethod is null)
                {
                    unbound[i] = true;
                    continue;
                }
                bindings.Add(Expression.Bind(property, Value(o, i, fields[i], property.PropertyType, IsRequired(property))));
            }
            foreach (var required in type.GetProperties().Where(p => IsRequired(p) && !bindings.Any(b => b.Member == p)))
            {
                throw new InvalidOperationException($"The model's {type.Name}.{required.Name} is required but the contract declares no field '{Camel(required.Name)}'.");
            }
            body = Expression.MemberInit(Expression.New(constructor), bindings);
        }
        else
        {
            // A positional record: every constructor parameter is a declared field of the same name.
            var parameters = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First().GetParameters();
            var arguments = parameters.Select(p =>
            {
                var i = IndexOf(fields, p.Name!) ?? throw new InvalidOperationException($"The model's {type.Name}({p.Name}) has no declared field '{p.Name}'.");
                return Value(o, i, fields[i], p.ParameterType, required: true);
            }).ToList();
            for (var i = 0; i < fields.Count; i++)
            {
                unbound[i] = !parameters.Any(p => string.Equals(p.Name, fields[i].Name, StringComparison.OrdinalIgnoreCase));
            }
            body = Expression.New(type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First(), arguments);
        }
        if (unbound.Any(u => u))
        {
            _unbound[fields] = unbound;
        }
        return Expression.Lambda(typeof(Func<,>).MakeGenericType(typeof(ContractObject), type), body, o).Compile();
    }

    /// <summary>The value of field <paramref name="i"/> as the member's type.</summary>
    private Expression Value(ParameterExpression o, int i, ContractField field, Type target, bool required)
    {
        var index = Expression.Constant(i);
        var underlying = Nullable.GetUnderlyingType(target);
        Expression Struct(MethodInfo at, Type valueType)
        {
            var call = Expression.Call(o, at, index); // valueType?
            if (underlying is not null)
            {
                return underlying == valueType ? call : Expression.Convert(call, target);
            }
            var value = Expression.Call(call, typeof(Nullable<>).MakeGenericType(valueType).GetMethod("GetValueOrDefault", Type.EmptyTypes)!);
            return target == valueType ? value : Expression.Convert(value, target);
        }
        Expression Text(Expression text) => required ? Expression.Coalesce(text, Expression.Constant("")) : text;
        return field.Kind switch
        {
            FieldKind.Bool when (underlying ?? target) == typeof(bool) => Struct(BoolAt, typeof(bool)),
            FieldKind.Date when (underlying ?? target) == typeof(DateOnly) => Struct(DateAt, typeof(DateOnly)),
            FieldKind.Whole or FieldKind.Number when (underlying ?? target) == typeof(decimal)
                || (field.Kind == FieldKind.Whole && (underlying ?? target) is var t && (t == typeof(int) || t == typeof(long))) => Struct(NumberAt, typeof(decimal)),
            FieldKind.Word when target == typeof(Ordinal) => Expression.Call(o, WordAt, index),
            FieldKind.Word when target == typeof(string) => Text(Expression.Call(WordText, Expression.Call(o, WordAt, index))),
            FieldKind.String when target == typeof(string) => Text(Expression.Call(o, StringAt, index)),
            FieldKind.Object => Expression.Call(ObjectOf.MakeGenericMethod(target), Expression.Call(o, ObjectAt, index), Expression.Constant(Compile(target, field.Fields))),
            FieldKind.ObjectArray when ItemType(target) is { } item =>
                Expression.Call(ListOf.MakeGenericMethod(item), Expression.Call(o, ItemsAt, index), Expression.Constant(Compile(item, field.Fields))),
            _ => throw new InvalidOperationException($"The contract declares '{field.Name}' as {field.Kind}, which does not fit the model's {target.Name}."),
        };
    }

    private static T? BindObject<T>(ContractObject? o, Func<ContractObject, T> bind) where T : class => o is null ? null : bind(o);

    private static IReadOnlyList<T> BindList<T>(IReadOnlyList<ContractObject?>? items, Func<ContractObject, T> bind)
    {
        if (items is null || items.Count == 0)
        {
            return [];
        }
        var list = new List<T>(items.Count);
        foreach (var item in items)
        {
            list.Add(bind(item!));
        }
        return list;
    }

    private static string? WordOf(Ordinal? word) => word?.Word;

    private static Type? ItemType(Type target) =>
        target.IsGenericType && target.GetGenericTypeDefinition() == typeof(IReadOnlyList<>) ? target.GetGenericArguments()[0] : null;

    private static bool IsRequired(PropertyInfo p) => p.IsDefined(typeof(RequiredMemberAttribute), inherit: false);

    private static int? IndexOf(IReadOnlyList<ContractField> fields, string name)
    {
        for (var i = 0; i < fields.Count; i++)
        {
            if (string.Equals(fields[i].Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }
        return null;
    }

    private static string Pascal(string name) => char.ToUpperInvariant(name[0]) + name[1..];

    private static string Camel(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}
