namespace Decisioning.Host.Pages;

/// <summary>A machine word's label, or the word itself with <see cref="Missing"/> set when no label exists.</summary>
public readonly record struct LabelText(string Text, bool Missing);
