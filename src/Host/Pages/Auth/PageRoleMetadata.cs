namespace Decisioning.Host.Pages.Auth;

/// <summary>Endpoint metadata naming the roles a page group admits, so the 403 page can say which role is needed.</summary>
public sealed record PageRoleMetadata(IReadOnlyList<string> Roles);
