namespace Decisioning.Host.Pages.Committee;

/// <summary>A refused field: the id of its control on the page and the error in the page's language.</summary>
public sealed record FieldError(string Field, string Message);
