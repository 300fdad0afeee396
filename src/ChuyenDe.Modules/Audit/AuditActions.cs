namespace ChuyenDe.Modules.Audit;

/// <summary>
/// The actions the trail knows by name (the admin page translates these; any other verb is shown as it is).
/// Callers may use other stable English verbs.
/// </summary>
public static class AuditActions
{
    // Content
    public const string Created = "Created";
    public const string Updated = "Updated";
    public const string Published = "Published";
    public const string Unpublished = "Unpublished";
    public const string DraftDiscarded = "DraftDiscarded";
    public const string Removed = "Removed";
    public const string Restored = "Restored";
    public const string Cloned = "Cloned";

    // Workflow
    public const string Submitted = "Submitted";
    public const string Withdrawn = "Withdrawn";
    public const string Claimed = "Claimed";
    public const string Unclaimed = "Unclaimed";
    public const string Assigned = "Assigned";
    public const string Reassigned = "Reassigned";
    public const string Unassigned = "Unassigned";
    public const string Assessed = "Assessed";
    public const string ReviewStarted = "ReviewStarted";
    public const string Forwarded = "Forwarded";
    public const string Approved = "Approved";
    public const string Returned = "Returned";
    public const string Rejected = "Rejected";

    // Curation
    public const string MarkedExemplary = "MarkedExemplary";
    public const string ExemplaryWithdrawn = "ExemplaryWithdrawn";
    public const string DesignatedModelSite = "DesignatedModelSite";
    public const string ModelSiteWithdrawn = "ModelSiteWithdrawn";
    public const string FeaturedOrderChanged = "FeaturedOrderChanged";

    // Security
    public const string UserCreated = "UserCreated";
    public const string UserEdited = "UserEdited";
    public const string UserRolesChanged = "UserRolesChanged";
    public const string UserLocked = "UserLocked";
    public const string UserUnlocked = "UserUnlocked";
    public const string PasswordReset = "PasswordReset";
    public const string TwoFactorEnabled = "TwoFactorEnabled";
    public const string TwoFactorDisabled = "TwoFactorDisabled";
    public const string TwoFactorReset = "TwoFactorReset";
    public const string RoleCreated = "RoleCreated";
    public const string RoleEdited = "RoleEdited";
    public const string RolePermissionsChanged = "RolePermissionsChanged";

    // Organisations
    public const string OrganizationCreated = "OrganizationCreated";
    public const string OrganizationRenamed = "OrganizationRenamed";
    public const string OrganizationMoved = "OrganizationMoved";
    public const string OrganizationDeactivated = "OrganizationDeactivated";
    public const string OrganizationReactivated = "OrganizationReactivated";
    public const string OrganizationDeleted = "OrganizationDeleted";

    /// <summary>Every action above, in this order (the filter's choices).</summary>
    public static IReadOnlyList<string> All { get; } = typeof(AuditActions)
        .GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
        .Where(f => f.IsLiteral)
        .Select(f => (string)f.GetRawConstantValue()!)
        .ToList();

    /// <summary>"+A +B −C": what was added and what was removed, each sorted.</summary>
    public static string? Changes(IEnumerable<string> added, IEnumerable<string> removed)
    {
        var parts = added.Order(StringComparer.Ordinal).Select(a => "+" + a)
            .Concat(removed.Order(StringComparer.Ordinal).Select(r => "\u2212" + r))
            .ToList();
        return parts.Count == 0 ? null : string.Join(" ", parts);
    }
}
