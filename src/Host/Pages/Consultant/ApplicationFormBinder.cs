using System.Globalization;
using System.Text.Json.Nodes;
using Decisioning.Input;

namespace Decisioning.Host.Pages.Consultant;

/// <summary>
/// Turns the consultant's form into the application the JSON API takes, field by field from the contract declaration,
/// so the one reader (<see cref="ApplicationReader"/>) checks both and names a bad field by the same JSON path. A
/// value is typed where it reads (amounts as Danes type them through <see cref="AmountInput"/>, shares as
/// <c>0,15</c> or <c>15 %</c>); where it does not, the text is sent as it is and the reader names the field. A blank
/// field is left out (the reader says when it is required); a row left wholly blank is not an item.
/// </summary>
public static class ApplicationFormBinder
{
    /// <summary>The application for a check (<paramref name="decision"/> false: no project) or a submission.</summary>
    public static FormBinding Bind(ApplicationFormValues values, bool decision)
    {
        var root = new JsonObject();
        var rowNames = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var section in ApplicationFormLayout.Sections)
        {
            if (section.IsForDecisionOnly && !decision)
            {
                continue;
            }
            if (section.List is null)
            {
                var target = section.Path.Length == 0 ? root : ObjectAt(root, section.Path);
                foreach (var field in section.Fields)
                {
                    if (Value(field, section.NameOf(field), values) is { } node)
                    {
                        target[field.Name] = node;
                    }
                }
                continue;
            }
            var items = new JsonArray();
            for (var row = 0; row < values.RowsOf(section.Path); row++)
            {
                var item = new JsonObject();
                var given = false;
                foreach (var field in section.Fields)
                {
                    var name = section.NameOf(field, row);
                    given |= field.Kind == FieldKind.Bool ? values.IsTicked(name) : values[name].Trim().Length > 0;
                    if (Value(field, name, values) is { } node)
                    {
                        item[field.Name] = node;
                    }
                }
                if (given)
                {
                    rowNames[$"$.{section.Path}[{items.Count}]"] = $"{section.Path}[{row}]";
                    items.Add(item);
                }
            }
            if (items.Count > 0)
            {
                (section.Path.Contains('.') ? ObjectAt(root, section.Path[..section.Path.LastIndexOf('.')]) : root)[section.List.Name] = items;
            }
            else if (section.List.IsRequired(decision))
            {
                ObjectAt(root, section.Path[..Math.Max(0, section.Path.LastIndexOf('.'))])[section.List.Name] = new JsonArray();
            }
        }
        return new FormBinding(root, rowNames);
    }

    /// <summary>
    /// A share or other fraction as typed: <c>0,15</c>, <c>0.15</c>, <c>15 %</c> or <c>15%</c> (a percentage is divided
    /// by 100); null when it is not a number.
    /// </summary>
    public static decimal? ParseNumber(string text)
    {
        var s = text.Trim().Replace('\u00a0', ' ');
        var percent = s.EndsWith('%');
        if (percent)
        {
            s = s[..^1].TrimEnd();
        }
        if (s.Length is 0 or > 40 || s.Count(c => c is ',' or '.') > 1)
        {
            return null;
        }
        return decimal.TryParse(s.Replace(',', '.'), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var d)
            ? percent ? d / 100m : d
            : null;
    }

    private static JsonNode? Value(ContractField field, string name, ApplicationFormValues values)
    {
        if (field.Kind == FieldKind.Bool)
        {
            return values.IsTicked(name);
        }
        var text = values[name].Trim();
        if (text.Length == 0)
        {
            return null;
        }
        return field.Kind switch
        {
            FieldKind.Whole => AmountInput.Parse(text) is { } whole ? JsonValue.Create(whole) : text,
            FieldKind.Number => ParseNumber(text) is { } number ? JsonValue.Create(number) : text,
            _ => text,
        };
    }

    private static JsonObject ObjectAt(JsonObject root, string path)
    {
        var node = root;
        foreach (var part in path.Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            if (node[part] is not JsonObject child)
            {
                child = new JsonObject();
                node[part] = child;
            }
            node = child;
        }
        return node;
    }
}
