using ChuyenDe.Modules.Admin;
using ChuyenDe.Modules.Recipes;
using ChuyenDe.Modules.Reports.Indicators;
using ChuyenDe.Modules.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace ChuyenDe.Modules.Reports;

/// <summary>Marker for the Reports module's UI strings (<c>ReportsResources.vi.resx</c>).</summary>
public sealed class ReportsResources;

/// <summary>
/// Report rounds (đợt báo cáo): templates of outlines and indicator sets, rounds made from them by the Department or a
/// district office for the units below, the <c>Reports</c> recipe step and the admin at <c>/admin/bao-cao</c>.
/// </summary>
public static class ReportsModule
{
    public static IServiceCollection AddReportsModule(this IServiceCollection services)
    {
        services.AddSingleton<IPermissionProvider, ReportPermissions>();
        services.AddScoped<ReportRoundService>();
        services.AddScoped<UnitReportService>();
        services.AddScoped<UnitReportAttachmentsService>();
        services.AddScoped<ReportNominationsService>();
        services.AddScoped<ReportStatusBoardService>();
        services.AddScoped<ReportReminderService>();
        services.AddScoped<UnitReportReviewService>();
        services.AddScoped<UnitReportHistoryService>();
        services.AddOptions<ReportsOptions>().BindConfiguration(ReportsOptions.Section);
        services.AddScoped<ReportDeadlineReminderService>();
        services.AddHostedService<ReportDeadlineReminderWorker>();
        services.AddScoped<ChuyenDe.Modules.Editorial.IReviewQueueSource, SubmittedReportsQueueSource>();
        services.AddSingleton<UnitReportComparer>();
        services.AddScoped<ReportCascadeService>();
        services.AddScoped<ReportConsolidationService>();
        services.AddReportsLogic();
        services.AddScoped<IRecipeStepHandler, ReportsStep>();
        services.AddSingleton<IAdminMenuProvider, ReportsAdminMenu>();
        return services;
    }
}

internal sealed class ReportsAdminMenu(IStringLocalizer<ReportsResources> T) : IAdminMenuProvider
{
    public IEnumerable<AdminMenuItem> GetItems() =>
    [
        new(T["Reports"], T["Report rounds"], "/admin/bao-cao", ReportPermissions.ManageReportRounds, 500),
        new(T["Reports"], T["Report templates"], "/admin/bao-cao/mau", ReportPermissions.ManageReportRounds, 510),
        new(T["Reports"], T["Our unit's reports"], UnitReportsController.Base, ReportPermissions.AnswerReports, 520),
    ];
}
