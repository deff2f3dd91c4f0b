using Decisioning.Model;

namespace Decisioning.Pipeline;

/// <summary>A ledger with no grants: the command line without <c>--db</c>.</summary>
public sealed class EmptyLedger : IGrantLedger
{
    /// <summary>The one instance.</summary>
    public static readonly EmptyLedger Instance = new();

    /// <inheritdoc />
    public IReadOnlyList<PriorGrant> GrantsFor(string cvr) => [];

    /// <inheritdoc />
    public decimal ActivityTotalDkk(string programme, string activity) => 0;
}
