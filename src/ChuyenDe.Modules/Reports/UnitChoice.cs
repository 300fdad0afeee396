using ChuyenDe.Modules.Contents;
using ChuyenDe.Modules.Media;
using ChuyenDe.Modules.Organizations;
using ChuyenDe.Modules.Reports.Indicators;

namespace ChuyenDe.Modules.Reports;

/// <summary>A unit the owner may ask, with its depth below the owner for the list.</summary>
public sealed record UnitChoice(Organization Unit, int Depth);
