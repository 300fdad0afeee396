using ChuyenDe.Modules.Contents;
using ChuyenDe.Modules.Media;
using ChuyenDe.Modules.Organizations;
using ChuyenDe.Modules.Reports.Indicators;

namespace ChuyenDe.Modules.Reports;

/// <summary>The templates list.</summary>
public sealed record ReportTemplatesIndexView(IReadOnlyList<ReportTemplate> Templates, IReadOnlySet<int> Changeable, bool CanCreate);
