namespace ChuyenDe.Modules.Organizations;

/// <summary>A unit with the units below it as the admin shows them: a district's clusters hold their schools.</summary>
public sealed record OrganizationNode(Organization Organization, IReadOnlyList<OrganizationNode> Children);
