using System.Globalization;

namespace Decisioning.Input;

/// <summary>Where validation is in the input, as JSON path segments; made into a string only for an error.</summary>
internal sealed class ErrorPath
{
    private readonly List<(string? Name, int Index)> _segments = new(8);

    public void Push(string name) => _segments.Add((name, -1));

    public void Push(int index) => _segments.Add((null, index));

    public void Pop() => _segments.RemoveAt(_segments.Count - 1);

    /// <summary>The path of a field of the current object (or of the current item when <paramref name="name"/> is null).</summary>
    public string Of(string? name)
    {
        var path = new System.Text.StringBuilder("$");
        foreach (var (segment, index) in _segments)
        {
            _ = segment is null ? path.Append('[').Append(index.ToString(CultureInfo.InvariantCulture)).Append(']') : path.Append('.').Append(segment);
        }
        return name is null ? path.ToString() : path.Append('.').Append(name).ToString();
    }
}
