namespace ChuyenDe.Modules.Editorial;

/// <summary>
/// The workflow's history for counting (the statistics' review funnel): every submission with its unit and review
/// path, and the append-only transitions in the order they happened, without reasons or names.
/// </summary>
public interface IReviewHistory
{
    Task<IReadOnlyList<ReviewSubmissionFact>> SubmissionsAsync(CancellationToken ct = default);

    /// <summary>The transitions of the given items, in the order they were recorded.</summary>
    Task<IReadOnlyList<ReviewTransitionFact>> TransitionsAsync(IReadOnlySet<string> contentItemIds, CancellationToken ct = default);
}
