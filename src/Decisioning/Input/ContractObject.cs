using System.Text.Json;
using Decisioning.Model;

namespace Decisioning.Input;

/// <summary>
/// One JSON object of the input as the contract reads it: for each declared field the token found (or none) and, once
/// validated, its typed value. Undeclared properties are skipped; a property given twice keeps its last value.
/// </summary>
public sealed class ContractObject
{
    internal ContractObject(IReadOnlyList<ContractField> fields)
    {
        Fields = fields;
        Slots = new Slot[fields.Count];
    }

    /// <summary>The declared fields, in order.</summary>
    public IReadOnlyList<ContractField> Fields { get; }

    internal Slot[] Slots { get; }

    /// <summary>The field's string (strings and words), or null when absent or bad.</summary>
    public string? String(int i) => Slots[i].Valid ? Slots[i].Text : null;

    /// <summary>The field's word on its scale, or null.</summary>
    public Ordinal? Word(int i) => Slots[i].Valid ? Slots[i].Word : null;

    /// <summary>The field's number (whole numbers and numbers), or null.</summary>
    public decimal? Number(int i) => Slots[i].Valid ? Slots[i].Number : null;

    /// <summary>The field's boolean, or null.</summary>
    public bool? Bool(int i) => Slots[i].Valid ? Slots[i].Bool : null;

    /// <summary>The field's date, or null.</summary>
    public DateOnly? Date(int i) => Slots[i].Valid ? Slots[i].Date : null;

    /// <summary>The field's object, or null.</summary>
    public ContractObject? Object(int i) => Slots[i].Valid ? Slots[i].Object : null;

    /// <summary>The items of an array of objects (null for an item that is not an object), or null.</summary>
    public IReadOnlyList<ContractObject?>? Items(int i) => Slots[i].Valid ? Slots[i].Items : null;

    /// <summary>True when every field of this object and of the objects in it was read without error.</summary>
    public bool Complete { get; internal set; }

    /// <summary>What was found for one field: the token's kind and value, then whether it validated.</summary>
    internal struct Slot
    {
        public JsonTokenType Token;
        public string? Text;
        public int RawStart;
        public int RawLength;
        public decimal Number;
        public bool NumberOk;
        public bool Bool;
        public DateOnly Date;
        public bool DateRead;
        public Ordinal? Word;
        public ContractObject? Object;
        public List<ContractObject?>? Items;
        public bool Valid;
    }
}
