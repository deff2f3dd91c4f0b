namespace Decisioning.Host.Store;

/// <summary>A write could not be made durable (full disk, I/O error); nothing of it was acknowledged. HTTP answers 503.</summary>
public sealed class StoreUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
