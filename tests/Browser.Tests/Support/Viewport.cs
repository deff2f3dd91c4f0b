namespace Decisioning.Browser.Tests.Support;

/// <summary>A browser window size the pages are checked at: a phone (390×844) and a desktop.</summary>
public sealed record Viewport(string Name, int Width, int Height)
{
    public static Viewport Phone { get; } = new("phone", 390, 844);

    public static Viewport Desktop { get; } = new("desktop", 1280, 900);

    public override string ToString() => Name;
}
