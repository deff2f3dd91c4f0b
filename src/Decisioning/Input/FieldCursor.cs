using Decisioning.Model;

namespace Decisioning.Input;

/// <summary>
/// Takes the validated values of a <see cref="ContractObject"/> in declaration order, checking each name against the
/// declaration, so the model is built from the contract without looking fields up by name.
/// </summary>
internal ref struct FieldCursor(ContractObject o)
{
    private int _next;

    public string? String(string name) => o.String(Take(name));

    public Ordinal? Word(string name) => o.Word(Take(name));

    public decimal? Number(string name) => o.Number(Take(name));

    public bool? Bool(string name) => o.Bool(Take(name));

    public DateOnly? Date(string name) => o.Date(Take(name));

    public ContractObject? Object(string name) => o.Object(Take(name));

    public IReadOnlyList<ContractObject?>? Items(string name) => o.Items(Take(name));

    private int Take(string name)
    {
        var i = _next++;
        if (i >= o.Fields.Count || !string.Equals(o.Fields[i].Name, name, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"The model reads '{name}' where the contract declares '{(i < o.Fields.Count ? o.Fields[i].Name : "nothing")}'.");
        }
        return i;
    }
}
