using LiteDB;

namespace Decisioning.Host.Store.LiteDb;

/// <summary>
/// Every failure LiteDB can throw, sorted once: a failure of the file or the engine (the store stops writing until
/// restarted, since the file may be half written) or a failure of one write's data (that write fails alone, its
/// request answers 4xx/500, and the store goes on). A code not listed here (a newer LiteDB) counts as the engine's.
/// </summary>
public static class LiteDbFaults
{
    /// <summary>LiteDB error codes that mean the file or the engine failed.</summary>
    public static readonly IReadOnlySet<int> EngineCodes = new HashSet<int>
    {
        LiteException.FILE_NOT_FOUND, LiteException.DATABASE_SHUTDOWN, LiteException.INVALID_DATABASE,
        LiteException.FILE_SIZE_EXCEEDED, LiteException.LOCK_TIMEOUT, LiteException.ALREADY_OPEN_DATAFILE,
        LiteException.INVALID_TRANSACTION_STATE, LiteException.ENGINE_DISPOSED, LiteException.INVALID_FREE_SPACE_PAGE,
        LiteException.INVALID_DATAFILE_STATE, LiteException.NOT_ENCRYPTED, LiteException.INVALID_PASSWORD,
        LiteException.INITIALSIZE_CRYPTO_NOT_SUPPORTED, LiteException.INVALID_INITIALSIZE, LiteException.TEMP_ENGINE_ALREADY_DEFINED,
    };

    /// <summary>LiteDB error codes that mean one write's data was refused (a key too long or duplicated, a bad value).</summary>
    public static readonly IReadOnlySet<int> WriteCodes = new HashSet<int>
    {
        LiteException.COLLECTION_LIMIT_EXCEEDED, LiteException.INDEX_DROP_ID, LiteException.INDEX_DUPLICATE_KEY,
        LiteException.INVALID_INDEX_KEY, LiteException.INDEX_NOT_FOUND, LiteException.INVALID_DBREF, LiteException.INVALID_COMMAND,
        LiteException.ALREADY_EXISTS_COLLECTION_NAME, LiteException.INDEX_NAME_LIMIT_EXCEEDED, LiteException.INVALID_INDEX_NAME,
        LiteException.INVALID_COLLECTION_NAME, LiteException.INVALID_EXPRESSION_TYPE, LiteException.COLLECTION_NOT_FOUND,
        LiteException.COLLECTION_ALREADY_EXIST, LiteException.INDEX_ALREADY_EXIST, LiteException.INVALID_UPDATE_FIELD,
        LiteException.INVALID_FORMAT, LiteException.DOCUMENT_MAX_DEPTH, LiteException.INVALID_CTOR, LiteException.UNEXPECTED_TOKEN,
        LiteException.INVALID_DATA_TYPE, LiteException.PROPERTY_NOT_MAPPED, LiteException.INVALID_TYPED_NAME,
        LiteException.PROPERTY_READ_WRITE, LiteException.INVALID_NULL_CHAR_STRING, LiteException.DATA_TYPE_NOT_ASSIGNABLE,
        LiteException.AVOID_USE_OF_PROCESS,
    };

    /// <summary>True for a failure of the file or engine (I/O, a closed engine, a damaged or locked file).</summary>
    public static bool IsEngineFault(Exception ex) => ex switch
    {
        IOException or UnauthorizedAccessException or ObjectDisposedException => true,
        LiteException lite => !WriteCodes.Contains(lite.ErrorCode),
        _ => false,
    };
}
