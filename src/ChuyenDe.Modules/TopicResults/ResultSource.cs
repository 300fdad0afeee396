namespace ChuyenDe.Modules.TopicResults;

/// <summary>Where a figure's numbers come from, so "Cập nhật số liệu" can take them again.</summary>
/// <param name="Kind">The source (<see cref="ResultSourceKinds"/>).</param>
/// <param name="RoundId">The report round, for the round's indicators.</param>
/// <param name="IndicatorKeys">The indicators chosen, in order.</param>
/// <param name="ByUnit">One row per unit asked (true) or one row per indicator for the whole round (false).</param>
public sealed record ResultSource(string Kind, int? RoundId, IReadOnlyList<string> IndicatorKeys, bool ByUnit);
