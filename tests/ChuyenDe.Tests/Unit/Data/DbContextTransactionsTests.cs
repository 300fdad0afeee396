using ChuyenDe.Modules.Data;
using ChuyenDe.Tests.Functional;
using Microsoft.EntityFrameworkCore;

namespace ChuyenDe.Tests.Unit.Data;

/// <summary>
/// The one transaction helper on a real database (a SQLite file, and PostgreSQL when <c>CHUYENDE_TEST_POSTGRES</c> is
/// set): success commits, an exception and a refusal roll back and forget the tracked changes, a nested call joins the
/// caller's transaction.
/// </summary>
public sealed class DbContextTransactionsTests
{
    public sealed class Note
    {
        public int Id { get; set; }
        public string Text { get; set; } = "";
    }

    private sealed class NotesContext(DbContextOptions<NotesContext> options) : DbContext(options)
    {
        public DbSet<Note> Notes => Set<Note>();
    }

    private sealed record Answer(bool Succeeded, string Text);

    public static TheoryData<string> Providers => new() { "sqlite", "postgres" };

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public Task Success_commits(string provider) => WithContextAsync(provider, async (db, fresh) =>
    {
        var answer = await db.InTransactionAsync(async () =>
        {
            db.Notes.Add(new Note { Text = "kept" });
            await db.SaveChangesAsync();
            return new Answer(true, "done");
        }, a => a.Succeeded, CancellationToken.None);

        Assert.Equal("done", answer.Text);
        Assert.Null(db.Database.CurrentTransaction);
        await using var other = fresh();
        Assert.Equal(["kept"], await other.Notes.Select(n => n.Text).ToListAsync());
    });

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public Task A_refusal_rolls_back_what_was_saved_and_forgets_the_tracked_changes(string provider) => WithContextAsync(provider, async (db, fresh) =>
    {
        var answer = await db.InTransactionAsync(async () =>
        {
            db.Notes.Add(new Note { Text = "saved before the refusal" });
            await db.SaveChangesAsync();
            db.Notes.Add(new Note { Text = "tracked, not saved" });
            return new Answer(false, "refused");
        }, a => a.Succeeded, CancellationToken.None);

        Assert.Equal("refused", answer.Text);
        Assert.Null(db.Database.CurrentTransaction);
        Assert.Empty(db.ChangeTracker.Entries());
        await db.SaveChangesAsync();
        await using var other = fresh();
        Assert.Empty(await other.Notes.ToListAsync());
    });

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public Task An_exception_rolls_back_and_is_rethrown(string provider) => WithContextAsync(provider, async (db, fresh) =>
    {
        var thrown = await Assert.ThrowsAsync<InvalidOperationException>(() => db.InTransactionAsync(async () =>
        {
            db.Notes.Add(new Note { Text = "saved before the failure" });
            await db.SaveChangesAsync();
            throw new InvalidOperationException("failed");
        }, CancellationToken.None));

        Assert.Equal("failed", thrown.Message);
        Assert.Null(db.Database.CurrentTransaction);
        Assert.Empty(db.ChangeTracker.Entries());
        await using var other = fresh();
        Assert.Empty(await other.Notes.ToListAsync());
    });

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public Task A_nested_call_joins_the_outer_transaction_which_decides(string provider) => WithContextAsync(provider, async (db, fresh) =>
    {
        var answer = await db.InTransactionAsync(async () =>
        {
            await db.InTransactionAsync(async () =>
            {
                // The inner call neither commits nor rolls back: its work belongs to the outer transaction.
                db.Notes.Add(new Note { Text = "inner" });
                await db.SaveChangesAsync();
            }, CancellationToken.None);
            Assert.NotNull(db.Database.CurrentTransaction);
            return new Answer(false, "outer refuses");
        }, a => a.Succeeded, CancellationToken.None);

        Assert.False(answer.Succeeded);
        await using var other = fresh();
        Assert.Empty(await other.Notes.ToListAsync());

        await db.InTransactionAsync(async () =>
        {
            await db.InTransactionAsync(async () =>
            {
                db.Notes.Add(new Note { Text = "inner, committed by the outer call" });
                await db.SaveChangesAsync();
                return new Answer(false, "an inner refusal is the outer call's to judge");
            }, a => a.Succeeded, CancellationToken.None);
        }, CancellationToken.None);

        await using var after = fresh();
        Assert.Equal(["inner, committed by the outer call"], await after.Notes.Select(n => n.Text).ToListAsync());
    });

    private static async Task WithContextAsync(string provider, Func<NotesContext, Func<NotesContext>, Task> test)
    {
        TestDatabase database;
        if (provider == "postgres")
        {
            PostgresTestDatabase.SkipUnlessAvailable();
            var postgres = new PostgresTestDatabase();
            await postgres.CreateAsync();
            database = postgres;
        }
        else
        {
            database = new SqliteTestDatabase();
        }

        await using (database)
        {
            NotesContext Open()
            {
                var options = new DbContextOptionsBuilder<NotesContext>();
                if (provider == "postgres")
                {
                    options.UseNpgsql(database.ConnectionString);
                }
                else
                {
                    options.UseSqlite(database.ConnectionString);
                }

                return new NotesContext(options.Options);
            }

            await using var db = Open();
            await db.Database.EnsureCreatedAsync();
            await test(db, Open);
        }
    }
}
