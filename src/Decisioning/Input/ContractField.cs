using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Decisioning.Input;

/// <summary>
/// One field of the application contract: its JSON name, what it holds, when it is required and its bounds. The tree
/// of these in <see cref="ApplicationContract"/> is the one declaration the reader, its error messages, the OpenAPI
/// request schema and the tests' generated applications are derived from.
/// </summary>
public sealed record ContractField(string Name, FieldKind Kind)
{
    /// <summary>When the field must be given.</summary>
    public Presence Presence { get; init; } = Presence.Required;

    /// <summary>For strings: a blank value is an error.</summary>
    public bool NonEmpty { get; init; } = true;

    /// <summary>Least value (whole numbers and numbers).</summary>
    public decimal Min { get; init; }

    /// <summary>Greatest value (whole numbers and numbers).</summary>
    public decimal Max { get; init; }

    /// <summary>
    /// In words, for messages: what a whole number counts (<c>a head count</c>), what a patterned string is, or what an
    /// item of an array of objects must be (<c>an object with year and employees</c>).
    /// </summary>
    public string? What { get; init; }

    /// <summary>For <see cref="FieldKind.Word"/>: the name of the rule set's enumeration that lists the allowed words.</summary>
    public string? Vocabulary { get; init; }

    /// <summary>
    /// For strings: the name of the rule set's closed vocabulary (P1.8, <c>region</c>, <c>sector</c>) that lists the
    /// allowed words with their labels; <see cref="RuleSetInputChecks"/> checks the word against the rule set in force.
    /// </summary>
    public string? WordList { get; init; }

    /// <summary>For strings: a regular expression the whole value must match (described by <see cref="What"/>).</summary>
    public string? Pattern { get; init; }

    /// <summary>
    /// For arrays of objects: the most items an application may hold (a form offers that many rows); null for no
    /// bound beyond the request body's.
    /// </summary>
    public int? MaxItems { get; init; }

    /// <summary>For objects and arrays of objects: their fields.</summary>
    public IReadOnlyList<ContractField> Fields
    {
        get => _fields;
        init
        {
            _fields = value;
            FieldArray = [.. value];
        }
    }

    private readonly IReadOnlyList<ContractField> _fields = [];

    /// <summary>One sentence for the OpenAPI document.</summary>
    public string? Description { get; init; }

    /// <summary>An example value for the documentation and the tests' generated applications.</summary>
    public string? Example { get; init; }

    /// <summary>The name as UTF-8, for matching property names without decoding them.</summary>
    internal byte[] Utf8Name { get; } = Encoding.UTF8.GetBytes(Name);

    /// <summary><see cref="Fields"/> as an array, for the reader's loops (set with them).</summary>
    internal ContractField[] FieldArray { get; private init; } = [];

    // Made with the record and shared by its copies (so equality stays as it was, like Utf8Name's array): the scale found
    // last, kept with the catalog it came from, so another rule set's catalog finds its own.
    private readonly ScaleCache _scale = new();

    /// <summary>The scale of a <see cref="FieldKind.Word"/> field in a rule set's enumerations (found once per catalog in a row).</summary>
    internal Decisioning.Model.EnumerationScale? ScaleIn(Decisioning.Model.EnumerationCatalog enumerations)
    {
        if (Vocabulary is null)
        {
            return null;
        }
        var kept = _scale.Last; // one read: another thread may replace it, never half-write it
        if (kept is not null && ReferenceEquals(kept.Catalog, enumerations))
        {
            return kept.Scale;
        }
        var scale = enumerations.Find(Vocabulary);
        _scale.Last = new ScaleCache.Found(enumerations, scale);
        return scale;
    }

    private Regex? _patternRegex;

    // JSON Schema's "$" is the end of the value; .NET's also matches before a final newline, so it becomes "\z".
    internal Regex? PatternRegex => Pattern is null ? null
        : _patternRegex ??= new Regex(Pattern.EndsWith('$') ? Pattern[..^1] + "\\z" : Pattern, RegexOptions.CultureInvariant);

    /// <summary>True when the field is read and required in the given mode.</summary>
    public bool IsRequired(bool decision) => Presence switch
    {
        Presence.Required => true,
        Presence.ForDecision or Presence.RequiredForDecision => decision,
        _ => false,
    };

    /// <summary>True when the field is read at all in the given mode.</summary>
    public bool IsRead(bool decision) => decision || Presence != Presence.ForDecision;

    /// <summary>A bound in the messages' invariant form (<c>-1</c>, <c>0.5</c>, <c>1000</c>).</summary>
    public static string Format(decimal d) => d.ToString(CultureInfo.InvariantCulture);
}

/// <summary>The scale a <see cref="ContractField"/> found last, with the catalog it found it in.</summary>
internal sealed class ScaleCache
{
    public Found? Last;

    public sealed record Found(Decisioning.Model.EnumerationCatalog Catalog, Decisioning.Model.EnumerationScale? Scale);
}
