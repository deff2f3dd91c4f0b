namespace Decisioning.Host.Store;

/// <summary>What a submission did (contract: 201 / 200 / 409).</summary>
public enum SubmitStatus
{
    /// <summary>Stored with its recommended decision.</summary>
    Created,
    /// <summary>The same application was stored before; its recommended decision stands.</summary>
    AlreadyStored,
    /// <summary>Another application was stored under the same id.</summary>
    ConflictingBody,
}
