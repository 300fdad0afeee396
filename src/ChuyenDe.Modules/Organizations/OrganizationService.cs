using ChuyenDe.Modules.Caching;
using Microsoft.EntityFrameworkCore;

namespace ChuyenDe.Modules.Organizations;

public interface IOrganizationService
{
    Task<Organization?> GetAsync(string id, CancellationToken ct = default);
    Task<IReadOnlyList<Organization>> ListAsync(CancellationToken ct = default);

    /// <summary>The organisation and every unit below it (district → its clusters and schools).</summary>
    Task<IReadOnlySet<string>> GetSubtreeIdsAsync(string id, CancellationToken ct = default);

    /// <summary>The district office a school or cluster belongs to (itself for a district office).</summary>
    Task<Organization?> GetDistrictAsync(string id, CancellationToken ct = default);
}

internal sealed class OrganizationService(DbContext db, ReferenceDataCache shared) : IOrganizationService
{
    /// <summary>The key of all organisations in the <see cref="ReferenceDataCache"/>.</summary>
    public const string CacheKey = "Organizations.All";

    private List<Organization>? _all;

    public async Task<Organization?> GetAsync(string id, CancellationToken ct = default)
        => (await ListAsync(ct)).FirstOrDefault(o => o.Id == id);

    public async Task<IReadOnlyList<Organization>> ListAsync(CancellationToken ct = default)
        => _all ??= (await shared.GetOrLoadAsync(db, CacheKey,
                async token => (IReadOnlyList<Organization>)await db.Set<Organization>().AsNoTracking().OrderBy(o => o.Name).ToListAsync(token), ct))
            .Select(Copy).ToList(); // copies: the shared ones stay as read whatever a caller changes

    private static Organization Copy(Organization o) => new()
    {
        Id = o.Id, Name = o.Name, ShortName = o.ShortName, Kind = o.Kind, ParentId = o.ParentId, ClusterId = o.ClusterId,
        Active = o.Active, CreatedUtc = o.CreatedUtc,
    };

    public async Task<IReadOnlySet<string>> GetSubtreeIdsAsync(string id, CancellationToken ct = default)
    {
        var all = await ListAsync(ct);
        var result = new HashSet<string>(StringComparer.Ordinal);
        if (all.All(o => o.Id != id))
        {
            return result;
        }

        var queue = new Queue<string>([id]);
        while (queue.TryDequeue(out var current))
        {
            if (!result.Add(current))
            {
                continue;
            }

            foreach (var child in all.Where(o => o.ParentId == current || o.ClusterId == current))
            {
                queue.Enqueue(child.Id);
            }
        }

        return result;
    }

    public async Task<Organization?> GetDistrictAsync(string id, CancellationToken ct = default)
    {
        var all = await ListAsync(ct);
        var current = all.FirstOrDefault(o => o.Id == id);
        for (var guard = 0; current is not null && guard < 16; guard++)
        {
            if (current.Kind == OrganizationKind.DistrictOffice)
            {
                return current;
            }

            current = all.FirstOrDefault(o => o.Id == current.ParentId);
        }

        return null;
    }

    internal void Invalidate() => _all = null;
}
