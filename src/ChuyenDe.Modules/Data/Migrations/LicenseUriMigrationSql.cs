namespace ChuyenDe.Modules.Data.Migrations;

/// <summary>
/// The SQL of the <c>LicenseUris</c> migrations (one per provider): the licence field stores the licence's canonical URI
/// (or <c>all-rights-reserved</c>) instead of the codes stored before ("CC-BY-4.0", "All-rights-reserved"). It rewrites,
/// in every stored version (published, drafts, history), the <c>License</c> field of every part whose text is a
/// legacy code or a URI written another way (http, no trailing slash, other case), and the licence options and default
/// of the stored part definitions. The mapping is written out here, not read from <c>LicenseCatalog</c>: a migration
/// keeps meaning what it meant when it was written. It runs once, recorded in the migrations history like every
/// migration; see docs/content-model.md, "Licence".
/// </summary>
/// <remarks>
/// One statement rewrites one licence field per version; it runs <see cref="Passes"/> times so a version with licence
/// fields in several parts is rewritten completely (a pass that finds nothing changes nothing). Part definitions are
/// rewritten as text: a quoted legacy code (<c>"CC-BY-4.0"</c>) appears in them only as a licence option's value or default.
/// </remarks>
public static class LicenseUriMigrationSql
{
    /// <summary>How many times the content statement runs (licence fields in that many parts of one version).</summary>
    public const int Passes = 3;

    /// <summary>What a licence's text becomes: keyed by the text lower-cased, trimmed, http made https, trailing slashes cut.</summary>
    private const string Map = """
        WITH map(k, v) AS (VALUES
        ('cc-by-4.0', 'https://creativecommons.org/licenses/by/4.0/'),
        ('https://creativecommons.org/licenses/by/4.0', 'https://creativecommons.org/licenses/by/4.0/'),
        ('cc-by-sa-4.0', 'https://creativecommons.org/licenses/by-sa/4.0/'),
        ('https://creativecommons.org/licenses/by-sa/4.0', 'https://creativecommons.org/licenses/by-sa/4.0/'),
        ('cc-by-nc-4.0', 'https://creativecommons.org/licenses/by-nc/4.0/'),
        ('https://creativecommons.org/licenses/by-nc/4.0', 'https://creativecommons.org/licenses/by-nc/4.0/'),
        ('cc-by-nc-sa-4.0', 'https://creativecommons.org/licenses/by-nc-sa/4.0/'),
        ('https://creativecommons.org/licenses/by-nc-sa/4.0', 'https://creativecommons.org/licenses/by-nc-sa/4.0/'),
        ('cc0-1.0', 'https://creativecommons.org/publicdomain/zero/1.0/'),
        ('https://creativecommons.org/publicdomain/zero/1.0', 'https://creativecommons.org/publicdomain/zero/1.0/'),
        ('all-rights-reserved', 'all-rights-reserved'))
        """;

    public const string SqliteContent = Map + """

        , found AS (
            SELECT c.Id AS Id, p.key AS part, m.v AS v
            FROM ContentItemVersions c, json_each(c.Content) p
            JOIN map m ON m.k = rtrim(replace(lower(trim(json_extract(p.value, '$.License.Text'))), 'http://', 'https://'), '/')
            WHERE p.type = 'object' AND json_type(p.value, '$.License.Text') = 'text'
              AND json_extract(p.value, '$.License.Text') <> m.v)
        UPDATE ContentItemVersions SET Content = json_set(Content, '$."' || found.part || '".License.Text', found.v)
        FROM found WHERE ContentItemVersions.Id = found.Id;
        """;

    public const string SqliteDefinitions = """
        UPDATE ContentPartDefinitions SET Json = replace(replace(replace(replace(replace(replace(Json, '"CC-BY-4.0"', '"https://creativecommons.org/licenses/by/4.0/"'), '"CC-BY-SA-4.0"', '"https://creativecommons.org/licenses/by-sa/4.0/"'), '"CC-BY-NC-4.0"', '"https://creativecommons.org/licenses/by-nc/4.0/"'), '"CC-BY-NC-SA-4.0"', '"https://creativecommons.org/licenses/by-nc-sa/4.0/"'), '"CC0-1.0"', '"https://creativecommons.org/publicdomain/zero/1.0/"'), '"All-rights-reserved"', '"all-rights-reserved"')
        WHERE Json LIKE '%"License"%';
        """;

    public const string PostgresContent = Map + """

        , found AS (
            SELECT c."Id" AS id, p.key AS part, m.v AS v
            FROM "ContentItemVersions" c
            CROSS JOIN LATERAL jsonb_each(c."Content") p
            JOIN map m ON m.k = rtrim(replace(lower(btrim(p.value -> 'License' ->> 'Text')), 'http://', 'https://'), '/')
            WHERE jsonb_typeof(c."Content") = 'object' AND jsonb_typeof(p.value) = 'object'
              AND jsonb_typeof(p.value -> 'License' -> 'Text') = 'string'
              AND p.value -> 'License' ->> 'Text' <> m.v)
        UPDATE "ContentItemVersions" c SET "Content" = jsonb_set(c."Content", ARRAY[found.part, 'License', 'Text'], to_jsonb(found.v))
        FROM found WHERE c."Id" = found.id;
        """;

    public const string PostgresDefinitions = """
        UPDATE "ContentPartDefinitions" SET "Json" = (replace(replace(replace(replace(replace(replace("Json"::text, '"CC-BY-4.0"', '"https://creativecommons.org/licenses/by/4.0/"'), '"CC-BY-SA-4.0"', '"https://creativecommons.org/licenses/by-sa/4.0/"'), '"CC-BY-NC-4.0"', '"https://creativecommons.org/licenses/by-nc/4.0/"'), '"CC-BY-NC-SA-4.0"', '"https://creativecommons.org/licenses/by-nc-sa/4.0/"'), '"CC0-1.0"', '"https://creativecommons.org/publicdomain/zero/1.0/"'), '"All-rights-reserved"', '"all-rights-reserved"'))::jsonb
        WHERE "Json"::text LIKE '%"License"%';
        """;
}
