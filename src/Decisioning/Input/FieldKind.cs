namespace Decisioning.Input;

/// <summary>What a field of the input contract holds; each kind has one reading and one set of error messages.</summary>
public enum FieldKind
{
    /// <summary>A string (not blank unless the field says so).</summary>
    String,
    /// <summary>A date written <c>yyyy-MM-dd</c>.</summary>
    Date,
    /// <summary><c>true</c> or <c>false</c>.</summary>
    Bool,
    /// <summary>A whole number within the field's bounds (a head count, a year, whole kroner).</summary>
    Whole,
    /// <summary>A number, fractions allowed, within the field's bounds.</summary>
    Number,
    /// <summary>A word of one of the rule set's enumerations (<see cref="ContractField.Vocabulary"/>).</summary>
    Word,
    /// <summary>An object with its own fields.</summary>
    Object,
    /// <summary>An array of objects with the field's own fields.</summary>
    ObjectArray,
}
