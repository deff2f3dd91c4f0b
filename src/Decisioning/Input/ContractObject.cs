using System.Text.Json;
using Decisioning.Model;

namespace Decisioning.Input;

/// <summary>
/// One JSON object of the input as the contract reads it: for each declared field the token found (or none) and, once
/// validated, its typed value. Undeclared properties are skipped; a property given twice keeps its last value. The
/// slots live in the reading thread's <see cref="SlotArena"/>, reused by the next read: a tree is used only inside
/// <see cref="ApplicationReader"/>, which copies the values into the model before it returns.
/// </summary>
internal sealed class ContractObject
{
    private readonly Slot[] _slots;
    private readonly int _offset;

    internal ContractObject(IReadOnlyList<ContractField> fields, ContractField[] fieldArray, SlotArena arena)
    {
        Fields = fields;
        FieldArray = fieldArray;
        (_slots, _offset) = arena.Take(fieldArray.Length);
    }

    /// <summary>The declared fields, in order.</summary>
    public IReadOnlyList<ContractField> Fields { get; }

    /// <summary>The same fields as an array, for the reader's loops.</summary>
    internal ContractField[] FieldArray { get; }

    /// <summary>The slot of the field at <paramref name="i"/>.</summary>
    internal ref Slot Slots(int i) => ref _slots[_offset + i];

    /// <summary>The field's string (strings and words), or null when absent or bad.</summary>
    public string? String(int i) => Slots(i).Valid ? Slots(i).Text : null;

    /// <summary>The field's word on its scale, or null.</summary>
    public Ordinal? Word(int i) => Slots(i).Valid ? Slots(i).Word : null;

    /// <summary>The field's number (whole numbers and numbers), or null.</summary>
    public decimal? Number(int i) => Slots(i).Valid ? Slots(i).Number : null;

    /// <summary>The field's boolean, or null.</summary>
    public bool? Bool(int i) => Slots(i).Valid ? Slots(i).Bool : null;

    /// <summary>The field's date, or null.</summary>
    public DateOnly? Date(int i) => Slots(i).Valid ? Slots(i).Date : null;

    /// <summary>The field's object, or null.</summary>
    public ContractObject? Object(int i) => Slots(i).Valid ? Slots(i).Object : null;

    /// <summary>The items of an array of objects (null for an item that is not an object), or null.</summary>
    public IReadOnlyList<ContractObject?>? Items(int i) => Slots(i).Valid ? Slots(i).Items : null;

    /// <summary>True when every field of this object and of the objects in it was read without error.</summary>
    public bool Complete { get; internal set; }

    /// <summary>The slots of one thread's reads: taken in turn, all given back when the next read starts.</summary>
    internal sealed class SlotArena
    {
        private Slot[] _slots = new Slot[128];
        private int _used;

        [ThreadStatic]
        private static SlotArena? t_current;

        /// <summary>This thread's arena, emptied for a new read.</summary>
        public static SlotArena ForNewRead()
        {
            var arena = t_current ??= new SlotArena();
            arena._used = 0;
            return arena;
        }

        /// <summary>Cleared slots for an object of <paramref name="count"/> fields.</summary>
        public (Slot[] Slots, int Offset) Take(int count)
        {
            if (_used + count > _slots.Length)
            {
                // Objects already handed out keep the old array; later ones and later reads use the larger one.
                _slots = new Slot[Math.Max(_slots.Length * 2, count)];
                _used = 0;
            }
            var offset = _used;
            _used += count;
            Array.Clear(_slots, offset, count);
            return (_slots, offset);
        }
    }

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
