using ChuyenDe.Modules.Contents;
using ChuyenDe.Modules.Media;
using ChuyenDe.Modules.Organizations;
using ChuyenDe.Modules.Reports.Indicators;

namespace ChuyenDe.Modules.Reports;

/// <summary>A template's page: name and description, with its outline and indicators shown.</summary>
public sealed record ReportTemplateEditView(
    ReportTemplate? Template,
    ReportTemplateForm Form,
    IReadOnlyList<ReportTemplate> CopyChoices,
    IReadOnlyList<OutlineSection> Outline,
    IReadOnlyList<IndicatorDefinition> Indicators,
    bool CanExport = false);
