using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChuyenDe.Modules.Audit;

/// <summary>
/// One row of the audit trail. Rows are only ever inserted (by <see cref="AuditTrail"/>): the module has no code that
/// changes or deletes them, and the database refuses UPDATE and DELETE on the table (triggers of the migration).
/// </summary>
internal sealed class AuditEntryRecord
{
    public const int ShortLength = 64;
    public const int NameLength = 256;
    public const int SubjectLength = 512;
    public const int TextLength = 4000;

    public long Id { get; private set; }
    public DateTime OccurredUtc { get; init; }
    public string Category { get; init; } = "";
    public string Action { get; init; } = "";
    public string ActorUserId { get; init; } = "";
    public string ActorUserName { get; init; } = "";
    public string? ActorOrganizationId { get; init; }

    /// <summary>The subject's organisation: who may read the entry.</summary>
    public string? OrganizationId { get; init; }

    public string? ContentItemId { get; init; }
    public string? ContentType { get; init; }
    public string? Subject { get; init; }

    /// <summary>The subject in lower case without tone marks, for the text filter ("gio an" finds "Giờ ăn").</summary>
    public string? SubjectFolded { get; init; }

    public string? VersionBefore { get; init; }
    public string? VersionAfter { get; init; }
    public string? Reasons { get; init; }
    public string? Details { get; init; }
    public string? RemoteAddress { get; init; }
}

internal sealed class AuditEntryRecordConfiguration : IEntityTypeConfiguration<AuditEntryRecord>
{
    public void Configure(EntityTypeBuilder<AuditEntryRecord> b)
    {
        b.ToTable(AuditTable.Name);
        b.HasKey(e => e.Id);
        b.Property(e => e.Id).ValueGeneratedOnAdd();
        b.Property(e => e.Category).HasMaxLength(32).IsRequired();
        b.Property(e => e.Action).HasMaxLength(AuditEntryRecord.ShortLength).IsRequired();
        b.Property(e => e.ActorUserId).HasMaxLength(AuditEntryRecord.ShortLength).IsRequired();
        b.Property(e => e.ActorUserName).HasMaxLength(AuditEntryRecord.NameLength).IsRequired();
        b.Property(e => e.ActorOrganizationId).HasMaxLength(AuditEntryRecord.ShortLength);
        b.Property(e => e.OrganizationId).HasMaxLength(AuditEntryRecord.ShortLength);
        b.Property(e => e.ContentItemId).HasMaxLength(AuditEntryRecord.ShortLength);
        b.Property(e => e.ContentType).HasMaxLength(128);
        b.Property(e => e.Subject).HasMaxLength(AuditEntryRecord.SubjectLength);
        b.Property(e => e.SubjectFolded).HasMaxLength(AuditEntryRecord.SubjectLength);
        b.Property(e => e.VersionBefore).HasMaxLength(AuditEntryRecord.ShortLength);
        b.Property(e => e.VersionAfter).HasMaxLength(AuditEntryRecord.ShortLength);
        b.Property(e => e.Reasons).HasMaxLength(AuditEntryRecord.TextLength);
        b.Property(e => e.Details).HasMaxLength(AuditEntryRecord.TextLength);
        b.Property(e => e.RemoteAddress).HasMaxLength(AuditEntryRecord.ShortLength);

        // The list is newest first; every filter narrows by one of these columns.
        b.HasIndex(e => e.OccurredUtc);
        b.HasIndex(e => new { e.Category, e.OccurredUtc });
        b.HasIndex(e => new { e.Action, e.OccurredUtc });
        b.HasIndex(e => new { e.ContentItemId, e.OccurredUtc });
        b.HasIndex(e => new { e.OrganizationId, e.OccurredUtc });
        b.HasIndex(e => new { e.ActorOrganizationId, e.OccurredUtc });
        b.HasIndex(e => new { e.ActorUserName, e.OccurredUtc });
    }
}

/// <summary>The table's name and the SQL that makes it append-only (used by the migrations).</summary>
internal static class AuditTable
{
    public const string Name = "AuditEntries";

    public const string SqliteAppendOnly = """
        CREATE TRIGGER "AuditEntries_NoUpdate" BEFORE UPDATE ON "AuditEntries" BEGIN SELECT RAISE(ABORT, 'AuditEntries is append-only'); END;
        CREATE TRIGGER "AuditEntries_NoDelete" BEFORE DELETE ON "AuditEntries" BEGIN SELECT RAISE(ABORT, 'AuditEntries is append-only'); END;
        """;

    public const string SqliteDropAppendOnly = """
        DROP TRIGGER IF EXISTS "AuditEntries_NoUpdate";
        DROP TRIGGER IF EXISTS "AuditEntries_NoDelete";
        """;

    public const string PostgresAppendOnly = """
        CREATE OR REPLACE FUNCTION audit_entries_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            RAISE EXCEPTION 'AuditEntries is append-only';
        END
        $$;
        CREATE TRIGGER audit_entries_no_change BEFORE UPDATE OR DELETE ON "AuditEntries" FOR EACH ROW EXECUTE FUNCTION audit_entries_append_only();
        CREATE TRIGGER audit_entries_no_truncate BEFORE TRUNCATE ON "AuditEntries" FOR EACH STATEMENT EXECUTE FUNCTION audit_entries_append_only();
        """;

    public const string PostgresDropAppendOnly = """
        DROP TRIGGER IF EXISTS audit_entries_no_change ON "AuditEntries";
        DROP TRIGGER IF EXISTS audit_entries_no_truncate ON "AuditEntries";
        DROP FUNCTION IF EXISTS audit_entries_append_only();
        """;
}
