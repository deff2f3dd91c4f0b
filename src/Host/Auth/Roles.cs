namespace Decisioning.Host.Auth;

/// <summary>The roles of the contract; each is also the name of the authorization policy that requires it.</summary>
public static class Roles
{
    public const string Consultant = "consultant";
    public const string Committee = "committee";
    public const string Policy = "policy";

    public static readonly IReadOnlyList<string> All = [Consultant, Committee, Policy];
}
