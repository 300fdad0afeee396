using System.Text.Json.Nodes;
using ChuyenDe.Modules.Contents;
using ChuyenDe.Modules.Data;
using ChuyenDe.Tests.Functional;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ChuyenDe.Tests.Unit.Data;

/// <summary>
/// The <c>LicenseUris</c> migration on a real database (a SQLite file, and PostgreSQL when <c>CHUYENDE_TEST_POSTGRES</c>
/// is set): a database migrated up to the migration before it holds versions (published, draft, history) and a part
/// definition with the licence codes stored before URIs; migrating on rewrites every licence to the catalogue's stored
/// value, leaves other fields and unknown values alone, and a second run changes nothing.
/// </summary>
public sealed class LicenseUriMigrationTests
{
    private const string By = "https://creativecommons.org/licenses/by/4.0/";
    private const string BySa = "https://creativecommons.org/licenses/by-sa/4.0/";
    private const string ByNcSa = "https://creativecommons.org/licenses/by-nc-sa/4.0/";
    private const string Cc0 = "https://creativecommons.org/publicdomain/zero/1.0/";

    public static TheoryData<string> Providers => new() { "sqlite", "postgres" };

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public Task Legacy_codes_and_other_spellings_of_the_URIs_become_the_stored_values(string provider) => WithDatabaseAsync(provider, async open =>
    {
        await using (var db = open())
        {
            var migrations = db.Database.GetMigrations().ToList();
            var index = migrations.FindIndex(m => m.EndsWith("_LicenseUris", StringComparison.Ordinal));
            Assert.True(index > 0, "The LicenseUris migration exists.");
            await db.GetService<IMigrator>().MigrateAsync(migrations[index - 1]);

            db.Set<ContentItemVersionRecord>().AddRange(
                Version("item-1", "v1", published: true, latest: false, License("Initiative", "CC-BY-4.0", authors: "Nguyễn Thị Lan")),
                Version("item-1", "v2", published: false, latest: true, License("Initiative", "cc-by-sa-4.0")),
                Version("item-2", "v3", published: true, latest: true, License("ExemplaryProduct", "All-rights-reserved")),
                Version("item-3", "v4", published: true, latest: true, License("Initiative", "http://creativecommons.org/licenses/by-nc-sa/4.0")),
                Version("item-4", "v5", published: true, latest: true, License("Initiative", " CC0-1.0 ")),
                Version("item-5", "v6", published: true, latest: true, License("Initiative", By)),
                Version("item-6", "v7", published: true, latest: true, License("Initiative", "GPL-3.0")),
                Version("item-7", "v8", published: true, latest: true, new JsonObject { ["Article"] = new JsonObject { ["Tag"] = new JsonObject { ["Text"] = "CC-BY-4.0" } } }),
                Version("item-8", "v9", published: true, latest: true, TwoParts()));
            db.Set<ContentPartDefinitionRecord>().Add(new ContentPartDefinitionRecord { Name = "Initiative", Json = LegacyDefinition });
            await db.SaveChangesAsync();
        }

        await using (var db = open())
        {
            await db.Database.MigrateAsync();
        }

        await using (var db = open())
        {
            var texts = await TextsAsync(db);
            Assert.Equal(By, texts["v1"]);
            Assert.Equal(BySa, texts["v2"]);
            Assert.Equal("all-rights-reserved", texts["v3"]);
            Assert.Equal(ByNcSa, texts["v4"]);
            Assert.Equal(Cc0, texts["v5"]);
            Assert.Equal(By, texts["v6"]);
            Assert.Equal("GPL-3.0", texts["v7"]); // not a licence of the catalogue: left for validation to refuse

            var v1 = await ContentAsync(db, "v1");
            Assert.Equal("Nguyễn Thị Lan", v1["Initiative"]!["Authors"]!["Text"]!.GetValue<string>());
            var v8 = await ContentAsync(db, "v8");
            Assert.Equal("CC-BY-4.0", v8["Article"]!["Tag"]!["Text"]!.GetValue<string>()); // another field keeps its text
            var v9 = await ContentAsync(db, "v9");
            Assert.Equal(By, v9["Initiative"]!["License"]!["Text"]!.GetValue<string>());
            Assert.Equal(BySa, v9["Extra"]!["License"]!["Text"]!.GetValue<string>());

            var definition = JsonNode.Parse((await db.Set<ContentPartDefinitionRecord>().SingleAsync(r => r.Name == "Initiative")).Json)!;
            var settings = definition["Fields"]![0]!["Settings"]!;
            var values = settings["TextFieldPredefinedListEditorSettings"]!["Options"]!.AsArray().Select(o => o!["value"]!.GetValue<string>()).ToList();
            Assert.Equal([By, BySa, "all-rights-reserved"], values);
            Assert.Equal("all-rights-reserved", settings["TextFieldSettings"]!["DefaultValue"]!.GetValue<string>());

            // Recorded as applied: migrating again runs nothing.
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        }
    });

    private const string LegacyDefinition = """
        {"Name":"Initiative","Fields":[{"FieldName":"TextField","Name":"License","Settings":{
          "TextFieldSettings":{"Required":true,"DefaultValue":"All-rights-reserved"},
          "TextFieldPredefinedListEditorSettings":{"Options":[
            {"name":"CC BY 4.0 – ghi công tác giả","value":"CC-BY-4.0"},
            {"name":"CC BY-SA 4.0","value":"CC-BY-SA-4.0"},
            {"name":"Bản quyền thuộc tác giả","value":"All-rights-reserved"}],"Editor":0}}}]}
        """;

    private static JsonObject License(string part, string text, string? authors = null)
    {
        var fields = new JsonObject { ["License"] = new JsonObject { ["Text"] = text } };
        if (authors is not null)
        {
            fields["Authors"] = new JsonObject { ["Text"] = authors };
        }

        return new JsonObject { ["TitlePart"] = new JsonObject { ["Title"] = "Sáng kiến" }, [part] = fields };
    }

    private static JsonObject TwoParts() => new()
    {
        ["Initiative"] = new JsonObject { ["License"] = new JsonObject { ["Text"] = "CC-BY-4.0" } },
        ["Extra"] = new JsonObject { ["License"] = new JsonObject { ["Text"] = "https://CreativeCommons.org/licenses/by-sa/4.0" } },
    };

    private static ContentItemVersionRecord Version(string itemId, string versionId, bool published, bool latest, JsonObject content) => new()
    {
        ContentItemId = itemId,
        ContentItemVersionId = versionId,
        ContentType = "Initiative",
        DisplayText = "Sáng kiến",
        DisplayTextFolded = "sang kien",
        Published = published,
        Latest = latest,
        CreatedUtc = new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc),
        ModifiedUtc = new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc),
        Content = content.ToJsonString(),
    };

    private static async Task<Dictionary<string, string>> TextsAsync(CmsDbContext db)
    {
        var texts = new Dictionary<string, string>();
        foreach (var record in await db.Set<ContentItemVersionRecord>().AsNoTracking().ToListAsync())
        {
            var content = JsonNode.Parse(record.Content)!.AsObject();
            foreach (var (_, part) in content)
            {
                if (part?["License"]?["Text"] is JsonValue text)
                {
                    texts[record.ContentItemVersionId] = text.GetValue<string>();
                    break;
                }
            }
        }

        return texts;
    }

    private static async Task<JsonObject> ContentAsync(CmsDbContext db, string versionId)
        => JsonNode.Parse((await db.Set<ContentItemVersionRecord>().AsNoTracking().SingleAsync(r => r.ContentItemVersionId == versionId)).Content)!.AsObject();

    private static async Task WithDatabaseAsync(string provider, Func<Func<CmsDbContext>, Task> test)
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
            CmsDbContext Open() => provider == "postgres"
                ? new PostgresCmsDbContext(new DbContextOptionsBuilder<PostgresCmsDbContext>().UseNpgsql(database.ConnectionString).Options)
                : new SqliteCmsDbContext(new DbContextOptionsBuilder<SqliteCmsDbContext>().UseSqlite(database.ConnectionString).Options);

            await test(Open);
        }
    }
}
