using ChuyenDe.Modules.Organizations;

namespace ChuyenDe.Modules.Editorial;

/// <summary>Which organisations review an item, following the organisation tree.</summary>
public sealed class ReviewPaths(IOrganizationService organizations)
{
    /// <summary>
    /// The organisations that review an item of this organisation, in order: a school's (or cluster's) district office
    /// and then the Department; a district office's Department; nothing for the Department itself.
    /// </summary>
    public async Task<IReadOnlyList<string>> GetAsync(string? organizationId, CancellationToken ct = default)
    {
        if (organizationId is null || await organizations.GetAsync(organizationId, ct) is not { } organization)
        {
            return [];
        }

        var all = await organizations.ListAsync(ct);
        var path = new List<string>();
        var current = organization;
        for (var guard = 0; current.ParentId is not null && guard < 16; guard++)
        {
            var parent = all.FirstOrDefault(o => o.Id == current.ParentId);
            if (parent is null)
            {
                break;
            }

            if (parent.Kind is OrganizationKind.DistrictOffice or OrganizationKind.Department)
            {
                path.Add(parent.Id);
            }

            current = parent;
        }

        return path;
    }
}
