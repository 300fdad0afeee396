namespace ChuyenDe.Modules.Editorial;

/// <summary>A submission as the statistics read it: the item, its type, its unit and the reviewing units in order (district, Department).</summary>
public sealed record ReviewSubmissionFact(string ContentItemId, string ContentType, string OrganizationId, IReadOnlyList<string> ReviewOrganizations);
