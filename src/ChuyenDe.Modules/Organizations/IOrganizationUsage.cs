namespace ChuyenDe.Modules.Organizations;

/// <summary>
/// Something that belongs to organisations (users, content items) counts itself per unit. The organisations admin shows
/// the counts and never deletes a unit that owns anything. Modules that own such things register one.
/// </summary>
public interface IOrganizationUsage
{
    OrganizationUsageKind Kind { get; }

    /// <summary>How many belong to each unit (units owning none may be missing).</summary>
    Task<IReadOnlyDictionary<string, int>> CountByOrganizationAsync(IReadOnlyCollection<string> organizationIds, CancellationToken ct = default);
}
