namespace ChuyenDe.Modules.TopicResults;

/// <summary>Marker for the Results module's UI strings (<c>TopicResults/ResultsResources.vi.resx</c>).</summary>
public sealed class ResultsResources;
