using ChuyenDe.Modules.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChuyenDe.Modules.Contents;

/// <summary>
/// One row per content item version: the parts as a JSON document plus the columns of Orchard Core's
/// content item index (type, display text, flags, owner, dates, organisation).
/// </summary>
public sealed class ContentItemVersionRecord
{
    public long Id { get; set; }
    public string ContentItemId { get; set; } = "";
    public string ContentItemVersionId { get; set; } = "";
    public string ContentType { get; set; } = "";
    public string DisplayText { get; set; } = "";

    /// <summary>The display text folded (lower case, no tone marks, đ → d) for title filters on any provider.</summary>
    public string DisplayTextFolded { get; set; } = "";

    public bool Latest { get; set; }
    public bool Published { get; set; }
    public string Owner { get; set; } = "";
    public string Author { get; set; } = "";
    public DateTime CreatedUtc { get; set; }
    public DateTime ModifiedUtc { get; set; }
    public DateTime? PublishedUtc { get; set; }
    public DateTime? ScheduledPublishUtc { get; set; }
    public DateTime? RemovedUtc { get; set; }
    public string? OrganizationId { get; set; }

    /// <summary>The parts and fields, Orchard Core's JSON.</summary>
    public string Content { get; set; } = "{}";
}

/// <summary>Route index: the path of an item's latest and of its published version.</summary>
public sealed class ContentRouteRecord
{
    public long Id { get; set; }
    public string ContentItemId { get; set; } = "";
    public string ContentItemVersionId { get; set; } = "";
    public string Path { get; set; } = "";
    public bool Published { get; set; }
    public bool Latest { get; set; }
}

/// <summary>Taxonomy index: one row per term chosen in a TaxonomyField of a latest or published version.</summary>
public sealed class ContentTaxonomyRecord
{
    public long Id { get; set; }
    public string ContentItemId { get; set; } = "";
    public string ContentItemVersionId { get; set; } = "";
    public string ContentType { get; set; } = "";
    public string ContentPart { get; set; } = "";
    public string ContentField { get; set; } = "";
    public string TaxonomyContentItemId { get; set; } = "";
    public string TermContentItemId { get; set; } = "";
    public bool Published { get; set; }
    public bool Latest { get; set; }
}

public sealed class ContentTypeDefinitionRecord
{
    public string Name { get; set; } = "";
    public string DisplayName { get; set; } = "";

    /// <summary>The type as Orchard Core writes it in a ContentDefinition step.</summary>
    public string Json { get; set; } = "{}";
}

public sealed class ContentPartDefinitionRecord
{
    public string Name { get; set; } = "";
    public string Json { get; set; } = "{}";
}

internal sealed class ContentItemVersionRecordConfiguration : IEntityTypeConfiguration<ContentItemVersionRecord>
{
    public void Configure(EntityTypeBuilder<ContentItemVersionRecord> b)
    {
        b.ToTable("ContentItemVersions");
        b.Property(r => r.ContentItemId).HasMaxLength(64).IsRequired();
        b.Property(r => r.ContentItemVersionId).HasMaxLength(64).IsRequired();
        b.Property(r => r.ContentType).HasMaxLength(128).IsRequired();
        b.Property(r => r.DisplayText).HasMaxLength(1024);
        b.Property(r => r.DisplayTextFolded).HasMaxLength(1024);
        b.Property(r => r.Owner).HasMaxLength(256);
        b.Property(r => r.Author).HasMaxLength(256);
        b.Property(r => r.OrganizationId).HasMaxLength(64);
        b.Property(r => r.Content).IsJsonColumn();
        b.HasIndex(r => r.ContentItemVersionId).IsUnique();
        b.HasIndex(r => new { r.ContentItemId, r.Latest, r.Published });
        b.HasIndex(r => new { r.ContentType, r.Published, r.PublishedUtc });
        b.HasIndex(r => new { r.ContentType, r.Latest, r.ModifiedUtc });
        b.HasIndex(r => new { r.OrganizationId, r.Latest });
        b.HasIndex(r => new { r.Latest, r.Published, r.ScheduledPublishUtc });
    }
}

internal sealed class ContentRouteRecordConfiguration : IEntityTypeConfiguration<ContentRouteRecord>
{
    public void Configure(EntityTypeBuilder<ContentRouteRecord> b)
    {
        b.ToTable("ContentRoutes");
        b.Property(r => r.ContentItemId).HasMaxLength(64).IsRequired();
        b.Property(r => r.ContentItemVersionId).HasMaxLength(64).IsRequired();
        b.Property(r => r.Path).HasMaxLength(512).IsRequired();
        // A published path belongs to one item only; works as a partial index on SQLite and PostgreSQL alike.
        b.HasIndex(r => r.Path).IsUnique().HasFilter("\"Published\"").HasDatabaseName("IX_ContentRoutes_PublishedPath");
        b.HasIndex(r => new { r.Path, r.Latest });
        b.HasIndex(r => r.ContentItemId);
    }
}

internal sealed class ContentTaxonomyRecordConfiguration : IEntityTypeConfiguration<ContentTaxonomyRecord>
{
    public void Configure(EntityTypeBuilder<ContentTaxonomyRecord> b)
    {
        b.ToTable("ContentTaxonomyTerms");
        b.Property(r => r.ContentItemId).HasMaxLength(64).IsRequired();
        b.Property(r => r.ContentItemVersionId).HasMaxLength(64).IsRequired();
        b.Property(r => r.ContentType).HasMaxLength(128);
        b.Property(r => r.ContentPart).HasMaxLength(128);
        b.Property(r => r.ContentField).HasMaxLength(128);
        b.Property(r => r.TaxonomyContentItemId).HasMaxLength(64);
        b.Property(r => r.TermContentItemId).HasMaxLength(64);
        b.HasIndex(r => new { r.TermContentItemId, r.Published });
        b.HasIndex(r => new { r.TermContentItemId, r.Latest });
        b.HasIndex(r => r.ContentItemVersionId);
    }
}

internal sealed class ContentTypeDefinitionRecordConfiguration : IEntityTypeConfiguration<ContentTypeDefinitionRecord>
{
    public void Configure(EntityTypeBuilder<ContentTypeDefinitionRecord> b)
    {
        b.ToTable("ContentTypeDefinitions");
        b.HasKey(r => r.Name);
        b.Property(r => r.Name).HasMaxLength(128);
        b.Property(r => r.DisplayName).HasMaxLength(256);
        b.Property(r => r.Json).IsJsonColumn();
    }
}

internal sealed class ContentPartDefinitionRecordConfiguration : IEntityTypeConfiguration<ContentPartDefinitionRecord>
{
    public void Configure(EntityTypeBuilder<ContentPartDefinitionRecord> b)
    {
        b.ToTable("ContentPartDefinitions");
        b.HasKey(r => r.Name);
        b.Property(r => r.Name).HasMaxLength(128);
        b.Property(r => r.Json).IsJsonColumn();
    }
}
