namespace Decisioning.Input;

/// <summary>One bad field of an input, named by its JSON path (<c>$.company.employees</c>).</summary>
public sealed record InputError(string Path, string Message);
