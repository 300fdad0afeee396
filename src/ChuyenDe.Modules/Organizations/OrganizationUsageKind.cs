namespace ChuyenDe.Modules.Organizations;

public enum OrganizationUsageKind
{
    Users,
    ContentItems,
}
