namespace ChuyenDe.Modules.TopicResults;

/// <summary>A column of a figure's table (a series of its chart): its name and one value per category.</summary>
public sealed record ResultSeries(string Name, IReadOnlyList<decimal?> Values);
