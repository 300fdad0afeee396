using ChuyenDe.Modules.Reports.Consolidation;
using Microsoft.Extensions.DependencyInjection;

namespace ChuyenDe.Modules.Reports.Indicators;

/// <summary>Registers the Reports module's pure logic: entry and definition validation and the consolidation writers.</summary>
public static class ReportsLogicServices
{
    /// <summary>
    /// Adds <see cref="IndicatorEntryValidator"/>, <see cref="IndicatorDefinitionValidator"/> and the writers of
    /// consolidations (<see cref="ConsolidationXlsxWriter"/>, <see cref="ConsolidationCsvWriter"/>,
    /// <see cref="ConsolidationDocxWriter"/>, <see cref="NominationsZipWriter"/>); all stateless, hence singletons
    /// (they take the singleton string localizers). Needs <c>AddLocalization()</c>, which the host calls.
    /// </summary>
    public static IServiceCollection AddReportsLogic(this IServiceCollection services)
    {
        services.AddSingleton<IndicatorEntryValidator>();
        services.AddSingleton<IndicatorDefinitionValidator>();
        services.AddSingleton<ConsolidationXlsxWriter>();
        services.AddSingleton<ConsolidationCsvWriter>();
        services.AddSingleton<ConsolidationDocxWriter>();
        services.AddSingleton<NominationsZipWriter>();
        return services;
    }
}
