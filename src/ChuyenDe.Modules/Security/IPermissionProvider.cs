namespace ChuyenDe.Modules.Security;

/// <summary>Each module declares its permissions and which default roles hold them.</summary>
public interface IPermissionProvider
{
    IEnumerable<Permission> GetPermissions();
}
