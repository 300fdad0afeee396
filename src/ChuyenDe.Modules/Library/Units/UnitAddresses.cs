namespace ChuyenDe.Modules.Library.Units;

/// <summary>
/// The public addresses of the units (organisations): <c>/don-vi</c>, the tree of active units with a search by name,
/// and <c>/don-vi/{id}</c>, one unit's page (an organisation's id is already a slug, e.g. <c>truong-mn-ben-thanh</c>).
/// </summary>
public static class UnitAddresses
{
    /// <summary>The tree of units.</summary>
    public const string ListPath = "/don-vi";

    /// <summary>The page of the unit with id <paramref name="organizationId"/>.</summary>
    public static string Of(string organizationId) => ListPath + "/" + Uri.EscapeDataString(organizationId);
}
