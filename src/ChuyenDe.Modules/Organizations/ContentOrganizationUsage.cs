using ChuyenDe.Modules.Contents;

namespace ChuyenDe.Modules.Organizations;

/// <summary>Content items (their latest versions, drafts included) whose OrganizationPart names the unit.</summary>
internal sealed class ContentOrganizationUsage(IContentQueryService queries) : IOrganizationUsage
{
    public OrganizationUsageKind Kind => OrganizationUsageKind.ContentItems;

    public async Task<IReadOnlyDictionary<string, int>> CountByOrganizationAsync(IReadOnlyCollection<string> organizationIds, CancellationToken ct = default)
    {
        // The content engine offers counts per query only; one small count per unit.
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var id in organizationIds.Distinct())
        {
            var page = await queries.QueryAsync(new ContentQuery { LatestInsteadOfPublished = true, OrganizationIds = [id], PageSize = 1 }, ct);
            if (page.Total > 0)
            {
                counts[id] = page.Total;
            }
        }

        return counts;
    }
}
