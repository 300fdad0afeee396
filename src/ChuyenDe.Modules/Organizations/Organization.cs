using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChuyenDe.Modules.Organizations;

public enum OrganizationKind
{
    Department,
    DistrictOffice,
    Cluster,
    School,
}

/// <summary>A unit of the tree Department (Sở) → district office (Phòng) → school (Trường); clusters group schools.</summary>
public sealed class Organization
{
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    public string? ShortName { get; set; }
    public OrganizationKind Kind { get; set; }
    public string? ParentId { get; set; }
    public string? ClusterId { get; set; }
    public bool Active { get; set; } = true;
    public DateTime CreatedUtc { get; set; }
}

internal sealed class OrganizationConfiguration : IEntityTypeConfiguration<Organization>
{
    public void Configure(EntityTypeBuilder<Organization> b)
    {
        b.ToTable("Organizations");
        b.HasKey(o => o.Id);
        b.Property(o => o.Id).HasMaxLength(64);
        b.Property(o => o.Name).HasMaxLength(256).IsRequired();
        b.Property(o => o.ShortName).HasMaxLength(128);
        b.Property(o => o.Kind).HasConversion<string>().HasMaxLength(32);
        b.Property(o => o.ParentId).HasMaxLength(64);
        b.Property(o => o.ClusterId).HasMaxLength(64);
        b.HasIndex(o => o.ParentId);
    }
}
