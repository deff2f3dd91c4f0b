using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Decisioning.Model;

namespace Decisioning.Input;

/// <summary>
/// Reads UTF-8 JSON once with <see cref="Utf8JsonReader"/> into <see cref="ContractObject"/>s following the
/// <see cref="ApplicationContract"/> declaration, then validates every declared field in declaration order, naming each
/// bad one by JSON path with the message its kind gives. Syntax errors (and nesting deeper than the limit) are one
/// error at <c>$</c>.
/// </summary>
internal static class ContractReader
{
    /// <summary>Reads and validates an object against <paramref name="fields"/>.</summary>
    /// <param name="json">The input.</param>
    /// <param name="fields">The declared fields of the root object.</param>
    /// <param name="fieldArray">The same fields as an array.</param>
    /// <param name="enumerations">The rule set's enumerations, for <see cref="FieldKind.Word"/> fields.</param>
    /// <param name="vocabularies">The rule set's P1.8 vocabularies, for string fields that name a <see cref="ContractField.WordList"/>.</param>
    /// <param name="decision">False for an eligibility check (see <see cref="Presence"/>).</param>
    /// <param name="maxDepth">Deepest nesting accepted.</param>
    /// <param name="errors">Where errors are added.</param>
    public static ContractObject? Read(ReadOnlySpan<byte> json, IReadOnlyList<ContractField> fields, ContractField[] fieldArray, EnumerationCatalog enumerations, IReadOnlyDictionary<string, Vocabulary> vocabularies, bool decision, int maxDepth, List<InputError> errors)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = maxDepth, CommentHandling = JsonCommentHandling.Disallow, AllowTrailingCommas = false });
        ContractObject? root = null;
        JsonTokenType rootToken;
        try
        {
            reader.Read();
            rootToken = reader.TokenType;
            if (rootToken == JsonTokenType.StartObject)
            {
                root = ReadObject(ref reader, fields, fieldArray, enumerations, decision, ContractObject.SlotArena.ForNewRead());
            }
            else
            {
                reader.Skip();
            }
            if (reader.Read())
            {
                // Utf8JsonReader reports a second value itself; this is a safety net.
                throw new JsonException("there is more after the JSON value");
            }
        }
        catch (JsonException ex)
        {
            errors.Add(new InputError("$", "is not valid JSON: " + ex.Message));
            return null;
        }
        catch (InvalidOperationException ex) when (ex.Message.Contains("UTF-16", StringComparison.Ordinal))
        {
            // Valid UTF-8 (ApplicationReader checks) but an escape that makes no UTF-16 string, e.g. an unpaired \ud800.
            errors.Add(new InputError("$", "holds a string with an unpaired surrogate (such as \\ud800)"));
            return null;
        }
        if (root is null)
        {
            errors.Add(new InputError("$", "must be a JSON object (one application)"));
            return null;
        }
        Validate(root, new Context(json, enumerations, vocabularies, decision, new ErrorPath()), errors);
        return root;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static ContractObject ReadObject(ref Utf8JsonReader reader, IReadOnlyList<ContractField> declared, ContractField[] fields, EnumerationCatalog enumerations, bool decision, ContractObject.SlotArena arena)
    {
        var o = new ContractObject(declared, fields, arena);
        var next = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var i = IndexOf(ref reader, fields, next);
            next = i + 1;
            reader.Read();
            if (i < 0 || !fields[i].IsRead(decision))
            {
                reader.Skip();
                continue;
            }
            ref var slot = ref o.Slots(i);
            slot = default;
            slot.Token = reader.TokenType;
            switch (reader.TokenType)
            {
                case JsonTokenType.String when fields[i].Kind == FieldKind.Date && !reader.ValueIsEscaped && Utf8Values.TryParseDate(reader.ValueSpan, out slot.Date):
                    slot.DateRead = true;
                    break;
                case JsonTokenType.String when fields[i].Kind == FieldKind.Word && Utf8Values.KnownWord(ref reader, fields[i].ScaleIn(enumerations)) is { } word:
                    slot.Text = word.Word;
                    slot.Word = word; // kept only if it validates (ContractObject.Word reads valid slots)
                    break;
                case JsonTokenType.String:
                    slot.Text = reader.GetString();
                    break;
                case JsonTokenType.Number:
                    if (reader.TryGetInt64(out var whole))
                    {
                        slot.Number = whole;
                        slot.NumberOk = true;
                    }
                    else
                    {
                        slot.NumberOk = reader.TryGetDecimal(out slot.Number);
                    }
                    slot.RawStart = (int)reader.TokenStartIndex;
                    slot.RawLength = reader.ValueSpan.Length;
                    break;
                case JsonTokenType.True or JsonTokenType.False:
                    slot.Bool = reader.GetBoolean();
                    break;
                case JsonTokenType.StartObject when fields[i].Kind == FieldKind.Object:
                    slot.Object = ReadObject(ref reader, fields[i].Fields, fields[i].FieldArray, enumerations, decision, arena);
                    break;
                case JsonTokenType.StartArray when fields[i].Kind == FieldKind.ObjectArray:
                    slot.Items = [];
                    while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                    {
                        if (reader.TokenType == JsonTokenType.StartObject)
                        {
                            slot.Items.Add(ReadObject(ref reader, fields[i].Fields, fields[i].FieldArray, enumerations, decision, arena));
                        }
                        else
                        {
                            reader.Skip();
                            slot.Items.Add(null);
                        }
                    }
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }
        return o;
    }

    /// <summary>
    /// The field the property names, or -1. The search starts at <paramref name="from"/> (the field after the last one
    /// found) and wraps round: properties usually come in the contract's order, so most take one comparison.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int IndexOf(ref Utf8JsonReader reader, ContractField[] fields, int from)
    {
        var count = fields.Length;
        for (var k = 0; k < count; k++)
        {
            var i = from + k < count ? from + k : from + k - count;
            if (reader.ValueTextEquals(fields[i].Utf8Name))
            {
                return i;
            }
        }
        return -1;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Validate(ContractObject o, in Context c, List<InputError> errors)
    {
        var before = errors.Count;
        var fields = o.FieldArray;
        for (var i = 0; i < fields.Length; i++)
        {
            var field = fields[i];
            if (!field.IsRead(c.Decision))
            {
                continue;
            }
            ref var slot = ref o.Slots(i);
            if (slot.Token is JsonTokenType.None or JsonTokenType.Null)
            {
                if (field.IsRequired(c.Decision))
                {
                    errors.Add(new InputError(c.Path.Of(field.Name), "is required"));
                }
                continue;
            }
            var message = Check(ref slot, field, c, errors);
            if (message is not null)
            {
                errors.Add(new InputError(c.Path.Of(field.Name), message));
            }
        }
        o.Complete = errors.Count == before;
    }

    /// <summary>Validates one present field; returns the message of its error, or null (nested errors are added directly).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static string? Check(ref ContractObject.Slot slot, ContractField field, in Context c, List<InputError> errors)
    {
        switch (field.Kind)
        {
            case FieldKind.Object:
                if (slot.Object is null)
                {
                    return "must be an object, not " + Kind(slot.Token);
                }
                c.Path.Push(field.Name);
                Validate(slot.Object, c, errors);
                c.Path.Pop();
                slot.Valid = true;
                return null;
            case FieldKind.ObjectArray:
                if (slot.Items is null)
                {
                    return "must be an array, not " + Kind(slot.Token);
                }
                if (field.MaxItems is { } most && slot.Items.Count > most)
                {
                    return $"must hold at most {most} items, not {slot.Items.Count}";
                }
                c.Path.Push(field.Name);
                for (var j = 0; j < slot.Items.Count; j++)
                {
                    c.Path.Push(j);
                    if (slot.Items[j] is { } item)
                    {
                        Validate(item, c, errors);
                    }
                    else
                    {
                        errors.Add(new InputError(c.Path.Of(null), "must be " + field.What));
                    }
                    c.Path.Pop();
                }
                c.Path.Pop();
                slot.Valid = true;
                return null;
            case FieldKind.Bool:
                if (slot.Token is not (JsonTokenType.True or JsonTokenType.False))
                {
                    return "must be true or false, not " + Kind(slot.Token);
                }
                slot.Valid = true;
                return null;
            case FieldKind.Whole:
                return CheckWhole(ref slot, field, c);
            case FieldKind.Number:
                if (slot.Token != JsonTokenType.Number || !slot.NumberOk)
                {
                    return "must be a number, not " + Kind(slot.Token);
                }
                if (slot.Number < field.Min || slot.Number > field.Max)
                {
                    return $"must be between {ContractField.Format(field.Min)} and {ContractField.Format(field.Max)}, not {c.Raw(slot)}";
                }
                slot.Valid = true;
                return null;
            default:
                return CheckString(ref slot, field, c.Enumerations, c.Vocabularies);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static string? CheckWhole(ref ContractObject.Slot slot, ContractField field, in Context c)
    {
        if (slot.Token != JsonTokenType.Number)
        {
            return $"must be a whole number ({field.What}), not {Kind(slot.Token)}";
        }
        if (!slot.NumberOk || slot.Number != decimal.Truncate(slot.Number))
        {
            return $"must be a whole number ({field.What}), not {c.Raw(slot)}";
        }
        if (slot.Number < field.Min)
        {
            return $"must be at least {ContractField.Format(field.Min)} ({field.What}), not {c.Raw(slot)}";
        }
        if (slot.Number > field.Max)
        {
            return $"must be at most {ContractField.Format(field.Max)} ({field.What})";
        }
        slot.Valid = true;
        return null;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static string? CheckString(ref ContractObject.Slot slot, ContractField field, EnumerationCatalog enumerations, IReadOnlyDictionary<string, Vocabulary> vocabularies)
    {
        if (slot.Token != JsonTokenType.String)
        {
            return "must be a string, not " + Kind(slot.Token);
        }
        if (slot.DateRead)
        {
            return DateBounded(ref slot);
        }
        var s = slot.Text!;
        if (field.NonEmpty && string.IsNullOrWhiteSpace(s))
        {
            return "must not be empty";
        }
        switch (field.Kind)
        {
            case FieldKind.Date:
                if (!Utf8Values.TryParseDate(System.Text.Encoding.UTF8.GetBytes(s), out slot.Date))
                {
                    return $"must be a date yyyy-MM-dd that exists, not '{s}'";
                }
                return DateBounded(ref slot);
            case FieldKind.Word when slot.Word is not null:
                break; // read as a word of its scale (ContractReader.ReadObject)
            case FieldKind.Word:
                if (field.ScaleIn(enumerations) is not { } scale)
                {
                    return "has no enumeration in the active rule set";
                }
                if (scale.RankOf(s) is null)
                {
                    return $"must be one of {string.Join(", ", scale.Words)}, not '{s}'";
                }
                slot.Word = new Ordinal(scale, s);
                break;
            default:
                if (field.PatternRegex is { } pattern && !pattern.IsMatch(s))
                {
                    return $"must be {field.What}, not '{s}'";
                }
                if (field.WordList is { } list && RuleSetInputChecks.WordProblem(vocabularies, list, s) is { } notAWord)
                {
                    return notAWord; // P1.8
                }
                break;
        }
        slot.Valid = true;
        return null;
    }

    /// <summary>What validation needs besides the tree: the input (for a number's text in a message), the vocabularies and the mode.</summary>
    private readonly ref struct Context(ReadOnlySpan<byte> json, EnumerationCatalog enumerations, IReadOnlyDictionary<string, Vocabulary> vocabularies, bool decision, ErrorPath path)
    {
        public ErrorPath Path { get; } = path;

        private readonly ReadOnlySpan<byte> _json = json;

        public EnumerationCatalog Enumerations { get; } = enumerations;

        public IReadOnlyDictionary<string, Vocabulary> Vocabularies { get; } = vocabularies;

        public bool Decision { get; } = decision;

        /// <summary>A number as it was written.</summary>
        public string Raw(in ContractObject.Slot slot) => System.Text.Encoding.UTF8.GetString(_json.Slice(slot.RawStart, slot.RawLength));
    }

    /// <summary>A date that parsed is good within <see cref="DateBounds"/>.</summary>
    private static string? DateBounded(ref ContractObject.Slot slot)
    {
        if (DateBounds.Problem(slot.Date) is { } outOfBounds)
        {
            return outOfBounds;
        }
        slot.Valid = true;
        return null;
    }

    private static string Kind(JsonTokenType token) => token switch
    {
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.StartObject => "an object",
        _ => token.ToString().ToLowerInvariant(),
    };
}
