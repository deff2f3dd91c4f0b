namespace Decisioning.Host.Auth;

/// <summary>The roles of the contract; each is also the name of the authorization policy that requires it.</summary>
public static class Roles
{
    public const string Consultant = "consultant";
    public const string Committee = "committee";
    public const string Policy = "policy";
    /// <summary>The growth panel (P8.2): records the final decisions on <c>refer-to-growth-panel</c> cases.</summary>
    public const string Panel = "panel";

    public static readonly IReadOnlyList<string> All = [Consultant, Committee, Policy, Panel];

    /// <summary>The roles that record final decisions and read cases and letters: the committee and the growth panel.</summary>
    public static readonly string[] DecisionBodies = [Committee, Panel];

    /// <summary>The role that records the final decision of a case decided by <paramref name="decisionBody"/> (P8.1, P8.2).</summary>
    public static string Deciding(string decisionBody) => decisionBody == "growth-panel" ? Panel : Committee;

    /// <summary>
    /// The role that records the final decision of a case recommended <paramref name="recommendedOutcome"/>, for lists
    /// that carry the outcome only: the contract pairs <c>refer-to-growth-panel</c> with the growth panel.
    /// </summary>
    public static string DecidingOutcome(string recommendedOutcome) => recommendedOutcome == PanelOutcome ? Panel : Committee;

    /// <summary>The recommended outcome whose final decision the growth panel records (P8.2); the committee records all others.</summary>
    public const string PanelOutcome = "refer-to-growth-panel";
}
