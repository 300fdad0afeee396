namespace ChuyenDe.Modules.TopicResults;

/// <summary>The total row of a figure's table: its label and one value per series.</summary>
public sealed record ResultTotal(string Label, IReadOnlyList<decimal?> Values);
