using Decisioning.Host.Hosting;
using Decisioning.Input;

namespace Decisioning.Host.Pages.Policy;

/// <summary>The trial change part of the policy page: the file shown, its text, and what trying it gave (if it was tried).</summary>
public sealed record TrialView
{
    /// <summary>The rule-set version the change is made to (its version word; P10.2): the one in force unless another is chosen.</summary>
    public required string Version { get; init; }

    /// <summary>The file chosen.</summary>
    public required string File { get; init; }

    /// <summary>The text in the editor.</summary>
    public required string Content { get; init; }

    /// <summary>What the change could not be read for (file, upload), by form field.</summary>
    public IReadOnlyList<InputError> Unreadable { get; init; } = [];

    /// <summary>The trial's result; null when nothing was tried.</summary>
    public RuleSetTrialResult? Result { get; init; }

    /// <summary>True when trying the change on every stored case was refused: the caller's previous run, or as many as the service runs at once, is still running.</summary>
    public bool ImpactBusy { get; init; }
}
