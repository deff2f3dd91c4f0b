using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using Decisioning.Input;

namespace Decisioning.Host.Apis;

/// <summary>
/// Checks a JSON body's shape in one forward pass before a reader parses it: every member name once per object (a
/// duplicate is ambiguous: readers disagree on which one counts), every string valid UTF-8 and valid UTF-16 once
/// unescaped, and strings, names, numbers, arrays, objects and nesting within <see cref="RequestBodyLimits"/>. Each
/// problem is named by its JSON path; a body that is not JSON at all is one error at <c>$</c>.
/// </summary>
public static class RequestBodyJson
{
    /// <summary>At most this many problems are listed; a body with more is refused all the same.</summary>
    public const int MaxErrors = 20;

    /// <summary>Every problem of the body's shape; empty when a reader may parse it.</summary>
    public static IReadOnlyList<InputError> Check(ReadOnlySpan<byte> json, RequestBodyLimits limits)
    {
        var errors = new List<InputError>();
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = limits.MaxDepth, CommentHandling = JsonCommentHandling.Disallow });
        Frame? open = null;
        string? name = null;
        try
        {
            while (errors.Count < MaxErrors && reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        open = open!.Parent;
                        continue;
                    case JsonTokenType.PropertyName:
                        name = Name(ref reader, open!, limits, errors);
                        continue;
                }
                // A value: an array counts its elements; the path is only spelled out for an error.
                var index = -1;
                if (open is { Names: null })
                {
                    index = open.Count++;
                    if (index == limits.MaxArrayLength)
                    {
                        errors.Add(new InputError(open.Path, $"must have at most {limits.MaxArrayLength} elements"));
                    }
                }
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject:
                        open = new Frame(open, name, index, new HashSet<string>(StringComparer.Ordinal));
                        break;
                    case JsonTokenType.StartArray:
                        open = new Frame(open, name, index, null);
                        break;
                    case JsonTokenType.String:
                        var length = TextLength(ref reader);
                        if (length < 0)
                        {
                            errors.Add(new InputError(Frame.PathOf(open, name, index), "is not valid UTF-8 or holds an unpaired surrogate"));
                        }
                        else if (length > limits.MaxStringLength)
                        {
                            errors.Add(new InputError(Frame.PathOf(open, name, index), $"must be at most {limits.MaxStringLength} characters, not {length}"));
                        }
                        break;
                    case JsonTokenType.Number when reader.ValueSpan.Length > limits.MaxNumberLength:
                        errors.Add(new InputError(Frame.PathOf(open, name, index), $"is a number written with more than {limits.MaxNumberLength} characters"));
                        break;
                }
                name = null;
            }
        }
        catch (JsonException ex)
        {
            return [new InputError("$", "is not valid JSON: " + ex.Message)];
        }
        return errors;
    }

    /// <summary>Reads a member name: counts it, refuses it when invalid, over-long or already given; returns it or null.</summary>
    private static string? Name(ref Utf8JsonReader reader, Frame obj, RequestBodyLimits limits, List<InputError> errors)
    {
        if (++obj.Count == limits.MaxMembers + 1)
        {
            errors.Add(new InputError(obj.Path, $"must have at most {limits.MaxMembers} members"));
        }
        var name = Text(ref reader);
        if (name is null)
        {
            errors.Add(new InputError(obj.Path, "has a member name that is not valid UTF-8 or holds an unpaired surrogate"));
            return null;
        }
        if (name.Length > limits.MaxNameLength)
        {
            errors.Add(new InputError(obj.Path, $"has a member name of {name.Length} characters; at most {limits.MaxNameLength} are taken"));
            return null;
        }
        if (!obj.Names!.Add(name))
        {
            errors.Add(new InputError(Member(obj.Path, name), "is given more than once"));
        }
        return name;
    }

    /// <summary>The string's length in UTF-16 code units, or -1 when it is not valid text.</summary>
    private static int TextLength(ref Utf8JsonReader reader)
    {
        if (!reader.ValueIsEscaped)
        {
            return Utf8.IsValid(reader.ValueSpan) ? Encoding.UTF8.GetCharCount(reader.ValueSpan) : -1;
        }
        return Text(ref reader)?.Length ?? -1;
    }

    /// <summary>The string's text, or null when its bytes are not UTF-8 or its escapes leave an unpaired surrogate.</summary>
    private static string? Text(ref Utf8JsonReader reader)
    {
        if (!Utf8.IsValid(reader.ValueSpan))
        {
            return null;
        }
        if (!reader.ValueIsEscaped)
        {
            return Encoding.UTF8.GetString(reader.ValueSpan);
        }
        try
        {
            return reader.GetString();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>A member's path: <c>$.name</c> for a plain name, else <c>$['…']</c>.</summary>
    private static string Member(string parent, string name) =>
        name.Length > 0 && (char.IsAsciiLetter(name[0]) || name[0] == '_') && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_')
            ? parent + "." + name
            : parent + "['" + name.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal) + "']";

    /// <summary>An open object or array: where it sits (member name or index in its parent), its names seen, its count.</summary>
    private sealed class Frame(Frame? parent, string? name, int index, HashSet<string>? names)
    {
        public Frame? Parent { get; } = parent;
        public HashSet<string>? Names { get; } = names;
        public int Count { get; set; }
        public string Path => PathOf(Parent, name, index);

        /// <summary>The path of a value under <paramref name="parent"/>, by member name or array index.</summary>
        public static string PathOf(Frame? parent, string? name, int index) =>
            parent is null ? "$"
            : index >= 0 ? parent.Path + "[" + index.ToString(CultureInfo.InvariantCulture) + "]"
            : name is null ? parent.Path
            : Member(parent.Path, name);
    }
}
