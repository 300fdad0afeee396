using ChuyenDe.Modules.Security;

namespace ChuyenDe.Modules.Organizations;

/// <summary>The organisation tree for the modules below Organizations (<see cref="IOrganizationDirectory"/>).</summary>
internal sealed class OrganizationDirectory(IOrganizationService organizations) : IOrganizationDirectory
{
    public async Task<string?> GetNameAsync(string id, CancellationToken ct = default)
        => (await organizations.GetAsync(id, ct))?.Name;

    public async Task<IReadOnlyDictionary<string, string>> GetShortNamesAsync(CancellationToken ct = default)
        => (await organizations.ListAsync(ct)).ToDictionary(o => o.Id, o => o.ShortName ?? o.Name, StringComparer.Ordinal);

    public async Task<IReadOnlyList<OrganizationEntry>> ListTreeAsync(Func<string, bool> visible, CancellationToken ct = default)
        => OrganizationTree.Flatten(OrganizationTree.Build(await organizations.ListAsync(ct), o => visible(o.Id)))
            .Select(n => new OrganizationEntry(n.Organization.Id, n.Organization.Name, n.Depth))
            .ToList();

    public Task<IReadOnlySet<string>> GetSubtreeIdsAsync(string id, CancellationToken ct = default)
        => organizations.GetSubtreeIdsAsync(id, ct);
}
