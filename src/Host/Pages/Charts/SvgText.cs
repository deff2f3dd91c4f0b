using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;

namespace Decisioning.Host.Pages.Charts;

/// <summary>
/// An SVG <c>text</c> element. Razor reads <c>&lt;text&gt;</c> inside code as its own transition tag, so the charts write
/// their labels through this component.
/// </summary>
public sealed class SvgText : ComponentBase
{
    [Parameter, EditorRequired] public decimal X { get; set; }

    [Parameter, EditorRequired] public decimal Y { get; set; }

    [Parameter] public int Size { get; set; } = 13;

    [Parameter, EditorRequired] public string Text { get; set; } = "";

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        builder.OpenElement(0, "text");
        builder.AddAttribute(1, "x", N(X));
        builder.AddAttribute(2, "y", N(Y));
        builder.AddAttribute(3, "font-size", Size);
        builder.AddContent(4, Text);
        builder.CloseElement();
    }

    private static string N(decimal v) => Math.Round(v, 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
