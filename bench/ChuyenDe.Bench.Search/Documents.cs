using ChuyenDe.Modules.Search;

namespace ChuyenDe.Bench.Search;

/// <summary>Turns the synthetic items and queries into the engine's own types, as the site's document builder would.</summary>
internal static class Documents
{
    public static SearchDocument From(BenchItem item) => new()
    {
        ContentItemId = item.Id,
        ContentType = item.ContentType,
        Title = item.Title,
        Summary = item.Summary,
        Body = item.Body + "\n\n" + item.Authors,
        AttachmentText = item.AttachmentText,
        Path = item.Path,
        OrganizationId = item.Organization.Id,
        OrganizationName = item.Organization.Name,
        DistrictId = item.Organization.DistrictId,
        DistrictName = item.Organization.DistrictName,
        Terms = item.Terms.ToDictionary(t => t.Key, t => (IReadOnlyList<string>)t.Value),
        TermNames = [.. item.Terms.Values.SelectMany(ids => ids).Select(Vocabulary.TermName).Distinct()],
        Exemplary = item.Exemplary,
        Published = true,
        PublishedUtc = item.PublishedUtc,
        ModifiedUtc = item.ModifiedUtc,
    };

    public static SearchRequest Request(BenchQuery query) => new()
    {
        Query = query.Text,
        Filters = query.Filters.ToDictionary(f => f.Key, f => (IReadOnlyList<string>)f.Value),
        ExemplaryOnly = query.ExemplaryOnly,
        Sort = query.Sort == QuerySort.Newest ? SearchSort.Newest : SearchSort.Relevance,
    };
}
