namespace Decisioning.Host.Store;

/// <summary>The database file cannot be opened: locked by another process, not a database, damaged or not writable.</summary>
public sealed class StoreOpenException(string message, Exception? inner = null) : Exception(message, inner);
