namespace Decisioning.Host.Store;

/// <summary>An application as it was received: the request body byte for byte and when it arrived.</summary>
public sealed record StoredApplication
{
    public required string ApplicationId { get; init; }
    /// <summary>The JSON exactly as the consultant sent it.</summary>
    public required byte[] Body { get; init; }
    public required DateTimeOffset ReceivedAt { get; init; }
}
