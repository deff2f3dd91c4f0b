namespace Decisioning.Host.Store;

/// <summary>The clock of a store being filled by <see cref="StoreCopy"/>: it reads the time of the entry being copied.</summary>
internal sealed class CopyClock : TimeProvider
{
    public DateTimeOffset Now { get; set; } = DateTimeOffset.UnixEpoch;

    public override DateTimeOffset GetUtcNow() => Now;
}
