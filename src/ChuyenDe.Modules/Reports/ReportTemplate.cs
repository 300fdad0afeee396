using ChuyenDe.Modules.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChuyenDe.Modules.Reports;

/// <summary>
/// A reusable report template (mẫu báo cáo): an outline and an indicator set that a round copies when it is created.
/// The built-in ones come from the setup recipe (Phụ lục 1 of the sơ kết plan) and belong to no unit.
/// </summary>
public sealed class ReportTemplate
{
    public int Id { get; set; }

    /// <summary>Stable key of a template that travels in recipes (a–z, 0–9, '-'); null for one made in the admin.</summary>
    public string? Key { get; set; }

    public string Name { get; set; } = "";

    public string? Description { get; set; }

    /// <summary>Carried by the setup recipe; offered to every unit that creates rounds.</summary>
    public bool BuiltIn { get; set; }

    /// <summary>The unit that made it and may change it; null for a built-in template (the Department level and administrators change those).</summary>
    public string? OwnerOrganizationId { get; set; }

    /// <summary>The outline, a JSON array of <see cref="Indicators.OutlineSection"/> (see <see cref="ReportJson"/>).</summary>
    public string OutlineJson { get; set; } = "[]";

    /// <summary>The indicator set, a JSON array of <see cref="Indicators.IndicatorDefinition"/>.</summary>
    public string IndicatorsJson { get; set; } = "[]";

    public DateTime CreatedUtc { get; set; }
    public DateTime UpdatedUtc { get; set; }
}

internal sealed class ReportTemplateConfiguration : IEntityTypeConfiguration<ReportTemplate>
{
    public void Configure(EntityTypeBuilder<ReportTemplate> b)
    {
        b.ToTable("ReportTemplates");
        b.Property(t => t.Key).HasMaxLength(64);
        b.Property(t => t.Name).HasMaxLength(256).IsRequired();
        b.Property(t => t.Description).HasMaxLength(2000);
        b.Property(t => t.OwnerOrganizationId).HasMaxLength(64);
        b.Property(t => t.OutlineJson).IsRequired().IsJsonColumn();
        b.Property(t => t.IndicatorsJson).IsRequired().IsJsonColumn();
        b.HasIndex(t => t.Key).IsUnique();
        b.HasIndex(t => t.OwnerOrganizationId);
    }
}
