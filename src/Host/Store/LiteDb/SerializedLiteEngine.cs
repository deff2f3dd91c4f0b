using LiteDB;
using LiteDB.Engine;

namespace Decisioning.Host.Store.LiteDb;

/// <summary>
/// LiteDB's engine with every call made one at a time. LiteDB 5 is documented as safe for several threads on one
/// instance, but readers on several threads fail inside it ("get only index below highest index", seen with six
/// threads on 20,000 cases within a second; LiteDB issues 2120, 2122, 2264): the service's HTTP requests, the impact
/// job and the writer read at once. Each call, and each step of a query's reader, holds one lock, so nothing runs
/// inside LiteDB on two threads at a time. Nothing inside LiteDB waits for another thread while it holds the lock:
/// its checkpoint after a commit only tries for the exclusive lock, and there is one writer thread.
/// </summary>
internal sealed class SerializedLiteEngine(ILiteEngine inner) : ILiteEngine
{
    private readonly object _gate = new();

    public int Checkpoint()
    {
        lock (_gate)
        {
            return inner.Checkpoint();
        }
    }

    public long Rebuild(RebuildOptions options)
    {
        lock (_gate)
        {
            return inner.Rebuild(options);
        }
    }

    public bool BeginTrans()
    {
        lock (_gate)
        {
            return inner.BeginTrans();
        }
    }

    public bool Commit()
    {
        lock (_gate)
        {
            return inner.Commit();
        }
    }

    public bool Rollback()
    {
        lock (_gate)
        {
            return inner.Rollback();
        }
    }

    public IBsonDataReader Query(string collection, Query query)
    {
        lock (_gate)
        {
            return new Reader(inner.Query(collection, query), _gate);
        }
    }

    public int Insert(string collection, IEnumerable<BsonDocument> docs, BsonAutoId autoId)
    {
        lock (_gate)
        {
            return inner.Insert(collection, docs, autoId);
        }
    }

    public int Update(string collection, IEnumerable<BsonDocument> docs)
    {
        lock (_gate)
        {
            return inner.Update(collection, docs);
        }
    }

    public int UpdateMany(string collection, BsonExpression transform, BsonExpression predicate)
    {
        lock (_gate)
        {
            return inner.UpdateMany(collection, transform, predicate);
        }
    }

    public int Upsert(string collection, IEnumerable<BsonDocument> docs, BsonAutoId autoId)
    {
        lock (_gate)
        {
            return inner.Upsert(collection, docs, autoId);
        }
    }

    public int Delete(string collection, IEnumerable<BsonValue> ids)
    {
        lock (_gate)
        {
            return inner.Delete(collection, ids);
        }
    }

    public int DeleteMany(string collection, BsonExpression predicate)
    {
        lock (_gate)
        {
            return inner.DeleteMany(collection, predicate);
        }
    }

    public bool DropCollection(string name)
    {
        lock (_gate)
        {
            return inner.DropCollection(name);
        }
    }

    public bool RenameCollection(string name, string newName)
    {
        lock (_gate)
        {
            return inner.RenameCollection(name, newName);
        }
    }

    public bool EnsureIndex(string collection, string name, BsonExpression expression, bool unique)
    {
        lock (_gate)
        {
            return inner.EnsureIndex(collection, name, expression, unique);
        }
    }

    public bool DropIndex(string collection, string name)
    {
        lock (_gate)
        {
            return inner.DropIndex(collection, name);
        }
    }

    public BsonValue Pragma(string name)
    {
        lock (_gate)
        {
            return inner.Pragma(name);
        }
    }

    public bool Pragma(string name, BsonValue value)
    {
        lock (_gate)
        {
            return inner.Pragma(name, value);
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            inner.Dispose();
        }
    }

    /// <summary>A query's reader whose every step (and its end) runs under the engine's lock; the lock is not held between steps.</summary>
    private sealed class Reader(IBsonDataReader inner, object gate) : IBsonDataReader
    {
        public BsonValue this[string field] => inner[field];

        public string Collection => inner.Collection;

        public BsonValue Current => inner.Current;

        public bool HasValues => inner.HasValues;

        public bool Read()
        {
            lock (gate)
            {
                return inner.Read();
            }
        }

        public void Dispose()
        {
            lock (gate)
            {
                inner.Dispose();
            }
        }
    }
}
