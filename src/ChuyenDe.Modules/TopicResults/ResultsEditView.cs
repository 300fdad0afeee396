using ChuyenDe.Modules.Reports;
using ChuyenDe.Modules.Reports.Indicators;

namespace ChuyenDe.Modules.TopicResults;

/// <summary>The composer of a results page: its fields, its figures, the rounds to choose from and the round's indicators.</summary>
public sealed record ResultsEditView(
    ResultsPage? Page,
    ResultsPageForm Form,
    IReadOnlyList<ResultBlock> Blocks,
    IReadOnlyList<ReportRound> Rounds,
    ReportRound? Round,
    IReadOnlyList<IndicatorDefinition> Indicators,
    IReadOnlyDictionary<string, string> Errors,
    RoundFigureRequest? FigureRequest = null);
