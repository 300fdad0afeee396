namespace ChuyenDe.Modules.Contents;

/// <summary>
/// Reads the published versions of items with their chosen terms, for counting (the statistics): the rows are
/// filtered in the database by type, publication time (from included, to excluded) and unit, and returned without
/// their JSON documents.
/// </summary>
public interface IPublishedItemFacts
{
    /// <param name="organizationIds">The units counted; null = every unit.</param>
    /// <param name="includeUnassigned">Whether items of no unit are counted too.</param>
    Task<IReadOnlyList<PublishedItemFact>> ListAsync(IReadOnlyCollection<string> types, DateTime? fromUtc, DateTime? toUtc,
        IReadOnlyCollection<string>? organizationIds, bool includeUnassigned, CancellationToken ct = default);
}
