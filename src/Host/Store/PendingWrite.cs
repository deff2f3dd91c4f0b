namespace Decisioning.Host.Store;

/// <summary>A write waiting for the writer thread; completed only after its transaction is on disk.</summary>
internal abstract class PendingWrite
{
    /// <summary>Applies the write inside the open transaction; the result is held until the commit is durable.</summary>
    public abstract void Apply(IStoreTransaction tx);

    public abstract void Complete();

    public abstract void Fail(Exception error);
}

/// <summary>A write with a result.</summary>
internal sealed class PendingWrite<T>(Func<IStoreTransaction, T> apply) : PendingWrite
{
    private readonly TaskCompletionSource<T> _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private T? _result;

    public Task<T> Task => _done.Task;

    public override void Apply(IStoreTransaction tx) => _result = apply(tx);

    public override void Complete() => _done.TrySetResult(_result!);

    public override void Fail(Exception error) => _done.TrySetException(error);
}
