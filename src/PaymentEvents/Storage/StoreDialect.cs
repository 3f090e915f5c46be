using System.Data.Common;

namespace PaymentEvents.Storage;

/// <summary>
/// What still differs between the engines once the SQL text is shared (<see cref="EventSql"/>): how a time is stored
/// (PostgreSQL <c>timestamptz</c>, SQLite INTEGER unix microseconds; see the schema classes) and how a set of event
/// ids is passed (PostgreSQL binds an array, SQLite has none).
/// </summary>
internal abstract class StoreDialect
{
    public static readonly StoreDialect Postgres = new PostgresDialect();
    public static readonly StoreDialect Sqlite = new SqliteDialect();

    /// <summary>Engine name in log messages.</summary>
    public abstract string Engine { get; }

    /// <summary>A time as a parameter value, at the stored precision (microseconds).</summary>
    public abstract object ToDb(DateTimeOffset value);

    public abstract DateTimeOffset ReadTime(DbDataReader reader, int ordinal);

    /// <summary>The condition "<c>event_id</c> is one of <paramref name="eventIds"/>" and its parameters.</summary>
    public abstract (string Condition, (string Name, object? Value)[] Parameters) EventIdIn(IReadOnlyList<string> eventIds);

    private sealed class PostgresDialect : StoreDialect
    {
        public override string Engine => "postgres";

        public override object ToDb(DateTimeOffset value) => StorageText.ToMicroseconds(value);

        public override DateTimeOffset ReadTime(DbDataReader reader, int ordinal) => reader.GetFieldValue<DateTimeOffset>(ordinal);

        public override (string, (string, object?)[]) EventIdIn(IReadOnlyList<string> eventIds) =>
            ("event_id = ANY(@ids)", [("ids", eventIds.ToArray())]);
    }

    private sealed class SqliteDialect : StoreDialect
    {
        public override string Engine => "sqlite";

        public override object ToDb(DateTimeOffset value) => SqliteSchema.ToDb(value);

        public override DateTimeOffset ReadTime(DbDataReader reader, int ordinal) => SqliteSchema.FromDb(reader.GetInt64(ordinal));

        public override (string, (string, object?)[]) EventIdIn(IReadOnlyList<string> eventIds)
        {
            var names = eventIds.Select((_, i) => $"e{i}").ToArray();
            return ($"event_id IN ({string.Join(", ", names.Select(n => "@" + n))})",
                [.. eventIds.Select((id, i) => (names[i], (object?)id))]);
        }
    }
}
