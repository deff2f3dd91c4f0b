namespace Decisioning.Input;

/// <summary>
/// What an application id may be: 1 to <see cref="MaxLength"/> characters of <c>A-Z a-z 0-9 . _ -</c>. The id names
/// a case in URLs, the store's key, logs and letters, so it is refused rather than normalised: two ids are the same
/// case only when they are the same characters.
/// </summary>
public static class ApplicationIds
{
    /// <summary>The longest id accepted.</summary>
    public const int MaxLength = 64;

    /// <summary>Why <paramref name="id"/> is not a valid application id, or null when it is.</summary>
    public static string? Problem(string id)
    {
        if (id.Length is 0 or > MaxLength)
        {
            return $"must be 1 to {MaxLength} characters, not {id.Length}";
        }
        foreach (var c in id)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-'))
            {
                return $"may only hold the characters A-Z, a-z, 0-9, '.', '_' and '-'";
            }
        }
        return null;
    }
}
