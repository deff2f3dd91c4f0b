namespace Decisioning.Host.Pages;

/// <summary>One reason as a page shows it: the clause it applies and its text in the page's language.</summary>
public sealed record ReasonLine(string Clause, string Text);
