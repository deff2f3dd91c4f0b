namespace Decisioning.Browser.Tests.Support;

/// <summary>A browser window size the pages are checked at: a phone (390×844) and a desktop.</summary>
public sealed record Viewport(string Name, int Width, int Height)
{
    public static Viewport Phone { get; } = new("phone", 390, 844);

    public static Viewport Desktop { get; } = new("desktop", 1280, 900);

    /// <summary>Every page task's cases: each language at each width (for <c>[DynamicData]</c>).</summary>
    public static IEnumerable<object[]> LanguagesAndViewports =>
        from lang in new[] { "da", "en" } from viewport in new[] { Phone.Name, Desktop.Name } select new object[] { lang, viewport };

    /// <summary>The viewport of that name (a test case's words).</summary>
    public static Viewport Named(string name) => name == Phone.Name ? Phone : Desktop;

    public override string ToString() => Name;
}
