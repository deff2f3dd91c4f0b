using System.ComponentModel;

namespace Decisioning.Rules.Compilation;

/// <summary>
/// The calls of the allow-list whose size argument a rule could set too large: the compiler replaces
/// <c>Enumerable.Range</c>, <c>PadLeft</c> and <c>PadRight</c> by these, which refuse a size over the loader's limit
/// and count a step of <see cref="RuleBudget"/> per element. Public only because compiled rules call it.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class BoundedCalls
{
    /// <summary><c>Enumerable.Range</c> with at most <see cref="RuleSetLimits.MaxSequenceLength"/> elements.</summary>
    public static IEnumerable<int> Range(int start, int count)
    {
        if (count > RuleSetLimits.MaxSequenceLength)
        {
            throw new RuleBudgetException($"Enumerable.Range may produce at most {RuleSetLimits.MaxSequenceLength} elements, not {count}");
        }
        return Stepped(Enumerable.Range(start, count));
    }

    /// <summary><c>string.PadLeft</c> to at most <see cref="RuleSetLimits.MaxPadWidth"/> characters.</summary>
    public static string PadLeft(string s, int width) => s.PadLeft(Width(width));

    /// <summary><c>string.PadLeft</c> with a padding character.</summary>
    public static string PadLeft(string s, int width, char c) => s.PadLeft(Width(width), c);

    /// <summary><c>string.PadRight</c> to at most <see cref="RuleSetLimits.MaxPadWidth"/> characters.</summary>
    public static string PadRight(string s, int width) => s.PadRight(Width(width));

    /// <summary><c>string.PadRight</c> with a padding character.</summary>
    public static string PadRight(string s, int width, char c) => s.PadRight(Width(width), c);

    private static int Width(int width) => width <= RuleSetLimits.MaxPadWidth
        ? width
        : throw new RuleBudgetException($"a string may be padded to at most {RuleSetLimits.MaxPadWidth} characters, not {width}");

    private static IEnumerable<int> Stepped(IEnumerable<int> range)
    {
        foreach (var i in range)
        {
            RuleBudget.Step();
            yield return i;
        }
    }
}
