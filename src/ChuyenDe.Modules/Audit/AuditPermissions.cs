using ChuyenDe.Modules.Security;

namespace ChuyenDe.Modules.Audit;

/// <summary>The permissions of the audit trail; other modules name them through these constants.</summary>
public sealed class AuditPermissions : IPermissionProvider
{
    public const string ViewAuditTrail = nameof(ViewAuditTrail);

    public IEnumerable<Permission> GetPermissions() =>
    [
        new(ViewAuditTrail, "View the audit trail"),
    ];
}
