using ChuyenDe.Modules.Security;

namespace ChuyenDe.Modules.Reports;

/// <summary>The permissions of report rounds; other modules and views name them through these constants.</summary>
public sealed class ReportPermissions : IPermissionProvider
{
    /// <summary>Create and edit rounds and templates of one's own unit (Department and district curators).</summary>
    public const string ManageReportRounds = nameof(ManageReportRounds);

    /// <summary>Write and submit one's own unit's report to a round that asks it.</summary>
    public const string AnswerReports = nameof(AnswerReports);

    /// <summary>Return or accept the reports sent to rounds of one's own unit.</summary>
    public const string ReviewReports = nameof(ReviewReports);

    /// <summary>See and download the consolidation of rounds of one's own unit.</summary>
    public const string ViewConsolidations = nameof(ViewConsolidations);

    public IEnumerable<Permission> GetPermissions() =>
    [
        new(ManageReportRounds, "Create and edit report rounds and templates of the units in scope"),
        new(AnswerReports, "Answer the report rounds that ask one's unit"),
        new(ReviewReports, "Review the reports sent to rounds of the units in scope"),
        new(ViewConsolidations, "See the consolidated figures of rounds of the units in scope"),
    ];
}
