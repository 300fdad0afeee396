namespace ChuyenDe.Modules.Security;

/// <summary>An organisation as a filter offers it: its place in the tree (depth) and its name.</summary>
public sealed record OrganizationEntry(string Id, string Name, int Depth);

/// <summary>
/// What modules below Organizations (the audit trail's filter and rows, the dashboard) may know of the organisation tree, without
/// using the Organizations module. Implemented by Organizations.
/// </summary>
public interface IOrganizationDirectory
{
    /// <summary>The name of an organisation, or null when there is none with that id.</summary>
    Task<string?> GetNameAsync(string id, CancellationToken ct = default);

    /// <summary>The short name (else the name) of every organisation, by id.</summary>
    Task<IReadOnlyDictionary<string, string>> GetShortNamesAsync(CancellationToken ct = default);

    /// <summary>The organisations for which <paramref name="visible"/> holds, in tree order with their depth.</summary>
    Task<IReadOnlyList<OrganizationEntry>> ListTreeAsync(Func<string, bool> visible, CancellationToken ct = default);

    /// <summary>The organisation and all organisations below it.</summary>
    Task<IReadOnlySet<string>> GetSubtreeIdsAsync(string id, CancellationToken ct = default);
}
