using System.Globalization;

namespace Decisioning.Host.Pages;

/// <summary>
/// Reads an amount of whole kroner as Danes type it, the same on every form: <c>50.000</c>, <c>50000</c>,
/// <c>50.000 kr.</c>, <c>kr. 50.000</c>, <c>50 000</c>, <c>DKK 50,000</c> is not Danish and is refused like
/// <c>50,5</c> (øre), a sign, letters or dots in the wrong places.
/// </summary>
public static class AmountInput
{
    /// <summary>Longest text read (a grant fits many times over).</summary>
    public const int MaxLength = 40;

    /// <summary>The amount, or null when the text is not a whole, non-negative number of kroner.</summary>
    public static decimal? Parse(string? text)
    {
        if (text is null || text.Length > MaxLength)
        {
            return null;
        }
        var s = text.Trim().Replace('\u00a0', ' ').Replace('\u202f', ' ');
        if (s.EndsWith("kr.", StringComparison.OrdinalIgnoreCase))
        {
            s = s[..^3].TrimEnd();
        }
        else if (s.EndsWith("kr", StringComparison.OrdinalIgnoreCase))
        {
            s = s[..^2].TrimEnd();
        }
        else if (s.StartsWith("kr.", StringComparison.OrdinalIgnoreCase))
        {
            s = s[3..].TrimStart();
        }
        if (s.Length == 0 || !char.IsAsciiDigit(s[0]) || !char.IsAsciiDigit(s[^1]))
        {
            return null;
        }
        // Digits in groups: either no separator at all, or one kind of separator ('.' or ' ') before every group of three.
        var separators = s.Where(c => !char.IsAsciiDigit(c)).Distinct().ToList();
        if (separators.Count > 1 || separators.Any(c => c is not ('.' or ' ')))
        {
            return null;
        }
        if (separators.Count == 1)
        {
            var groups = s.Split(separators[0]);
            if (groups[0].Length is 0 or > 3 || groups.Skip(1).Any(g => g.Length != 3))
            {
                return null;
            }
            s = string.Concat(groups);
        }
        return s.Length <= 15 && decimal.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var amount) ? amount : null;
    }
}
