using ChuyenDe.Modules.Reports.Consolidation;
using ChuyenDe.Modules.Reports.Indicators;
using Microsoft.Extensions.DependencyInjection;

namespace ChuyenDe.Tests.Unit.Reports;

/// <summary>AddReportsLogic registers everything the module's controllers will ask for.</summary>
public sealed class ReportsLogicServicesTests
{
    [Fact]
    public void Every_validator_and_writer_resolves_with_Vietnamese_texts()
    {
        using var provider = new ServiceCollection().AddLogging().AddLocalization().AddReportsLogic().BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        ReportsSamples.Localizer<IndicatorResources>(); // sets the Vietnamese culture

        var validator = provider.GetRequiredService<IndicatorEntryValidator>();
        Assert.Equal("Vui lòng nhập “Số lớp”.", validator.Message(ReportsSamples.Whole("so-lop", "Số lớp"), EntryProblem.Required, null));
        Assert.NotNull(provider.GetRequiredService<IndicatorDefinitionValidator>());
        Assert.NotNull(provider.GetRequiredService<ConsolidationXlsxWriter>());
        Assert.NotNull(provider.GetRequiredService<ConsolidationCsvWriter>());
        Assert.NotNull(provider.GetRequiredService<ConsolidationDocxWriter>());
        Assert.NotNull(provider.GetRequiredService<NominationsZipWriter>());
    }
}
