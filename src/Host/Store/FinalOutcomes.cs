namespace Decisioning.Host.Store;

/// <summary>The outcomes a committee can record (the contract's outcome words, referrals excluded).</summary>
public static class FinalOutcomes
{
    public const string Approve = "approve";
    public const string ApproveReduced = "approve-reduced";
    public const string Reject = "reject";

    /// <summary>Every final outcome.</summary>
    public static readonly IReadOnlyList<string> All = [Approve, ApproveReduced, Reject];

    /// <summary>True for an outcome whose grant enters the ledger.</summary>
    public static bool Grants(string outcome) => outcome is Approve or ApproveReduced;
}
