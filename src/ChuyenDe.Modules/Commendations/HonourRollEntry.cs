namespace ChuyenDe.Modules.Commendations;

/// <summary>One line of the honour roll: the recipient, its unit and district names, and its published items.</summary>
public sealed record HonourRollEntry(PublishedCommendation Commendation, string? OrganizationName, string? DistrictName, IReadOnlyList<HonourRollLink> Items)
{
    /// <summary>The unit's public page.</summary>
    public string? UnitUrl => Commendation.OrganizationId is { } id ? HonourRollController.UnitUrl(id) : null;
}
