using System.Data.Common;
using System.Globalization;
using ChuyenDe.Modules.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace ChuyenDe.Tests.Functional.Backups;

/// <summary>
/// Every table of a test database as sorted lines of text, one per row (all columns), read over a plain connection: the
/// tables of the DbContext model plus the migrations history, and the table list of the database's own catalogue.
/// </summary>
public static class TableDumps
{
    public sealed record Dump(IReadOnlyList<string> CatalogTables, IReadOnlyDictionary<string, IReadOnlyList<string>> Rows);

    public static async Task<Dump> TakeAsync(TestDatabase database)
    {
        SqliteConnection.ClearAllPools();
        NpgsqlConnection.ClearAllPools();
        await using CmsDbContext db = database.Provider == DatabaseProvider.Postgres
            ? new PostgresCmsDbContext(new DbContextOptionsBuilder<PostgresCmsDbContext>().UseNpgsql(database.ConnectionString).Options)
            : new SqliteCmsDbContext(new DbContextOptionsBuilder<SqliteCmsDbContext>().UseSqlite(database.ConnectionString).Options);
        var tables = db.Model.GetEntityTypes()
            .Select(t => t.GetTableName())
            .OfType<string>()
            .Append("__EFMigrationsHistory")
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        try
        {
            var catalog = await ListAsync(connection, database.Provider == DatabaseProvider.Postgres
                ? "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name"
                : "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name");
            var rows = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
            // A table the database lacks shows in the catalogue's list (an empty target has none).
            foreach (var table in tables.Where(t => catalog.Contains(t, StringComparer.Ordinal)))
            {
                rows[table] = (await ListAsync(connection, $"SELECT * FROM \"{table}\"")).Order(StringComparer.Ordinal).ToList();
            }

            return new Dump(catalog.Order(StringComparer.Ordinal).ToList(), rows);
        }
        finally
        {
            await connection.CloseAsync();
        }
    }

    /// <summary>Fails naming the first table whose rows differ, with the first differing row.</summary>
    public static void AssertEqual(Dump expected, Dump actual)
    {
        Assert.Equal(expected.CatalogTables, actual.CatalogTables);
        Assert.Equal(expected.Rows.Keys.Order(StringComparer.Ordinal), actual.Rows.Keys.Order(StringComparer.Ordinal));
        foreach (var (table, rows) in expected.Rows)
        {
            var other = actual.Rows[table];
            Assert.True(rows.Count == other.Count, $"Table {table}: {rows.Count} rows backed up, {other.Count} restored.");
            var index = Enumerable.Range(0, rows.Count).FirstOrDefault(i => !string.Equals(rows[i], other[i], StringComparison.Ordinal), -1);
            Assert.True(index < 0, index < 0 ? "" : $"Table {table} differs:\n  backed up: {rows[index]}\n  restored:  {other[index]}");
        }
    }

    private static async Task<List<string>> ListAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var lines = new List<string>();
        var values = new string[reader.FieldCount];
        while (await reader.ReadAsync())
        {
            for (var i = 0; i < reader.FieldCount; i++)
            {
                values[i] = reader.GetName(i) + "=" + Text(reader.GetValue(i));
            }

            lines.Add(string.Join(" | ", values));
        }

        return lines;
    }

    private static string Text(object value) => value switch
    {
        DBNull => "NULL",
        byte[] bytes => "0x" + Convert.ToHexString(bytes),
        DateTime time => time.ToString("O", CultureInfo.InvariantCulture) + "/" + time.Kind,
        DateTimeOffset time => time.ToString("O", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
