using Npgsql;

namespace Decisioning.Host.Store.Postgres;

/// <summary>Plain SQL with positional parameters (<c>$1</c>, <c>$2</c>, ...) on a connection or a pooled data source.</summary>
internal static class PostgresSql
{
    public static NpgsqlCommand Command(NpgsqlConnection connection, string sql, params object?[] args)
    {
        var command = new NpgsqlCommand(sql, connection);
        Bind(command, args);
        return command;
    }

    public static NpgsqlCommand Command(NpgsqlDataSource source, string sql, params object?[] args)
    {
        var command = source.CreateCommand(sql);
        Bind(command, args);
        return command;
    }

    public static int Execute(NpgsqlConnection connection, string sql, params object?[] args)
    {
        using var command = Command(connection, sql, args);
        return command.ExecuteNonQuery();
    }

    /// <summary>The rows of a query, each read by <paramref name="read"/> while the reader is on it.</summary>
    public static List<T> Rows<T>(NpgsqlCommand command, Func<NpgsqlDataReader, T> read)
    {
        using (command)
        {
            using var reader = command.ExecuteReader();
            var rows = new List<T>();
            while (reader.Read())
            {
                rows.Add(read(reader));
            }
            return rows;
        }
    }

    /// <summary>The first row of a query, or the default.</summary>
    public static T? First<T>(NpgsqlCommand command, Func<NpgsqlDataReader, T> read) =>
        Rows(command, read) is [var first, ..] ? first : default;

    private static void Bind(NpgsqlCommand command, object?[] args)
    {
        foreach (var arg in args)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = arg ?? DBNull.Value });
        }
    }
}
