using Microsoft.AspNetCore.Identity;

namespace ChuyenDe.Modules.Users;

/// <summary>A signed-in person; every user belongs to one organisation.</summary>
public sealed class CmsUser : IdentityUser
{
    public string DisplayName { get; set; } = "";
    public string OrganizationId { get; set; } = "";
    public DateTime CreatedUtc { get; set; }
}

public sealed class CmsRole : IdentityRole
{
    public CmsRole()
    {
    }

    public CmsRole(string name) : base(name)
    {
    }

    public string Description { get; set; } = "";
}

/// <summary>The default roles.</summary>
public static class RoleNames
{
    public const string Administrator = nameof(Administrator);
    public const string DepartmentCurator = nameof(DepartmentCurator);
    public const string DistrictCurator = nameof(DistrictCurator);
    public const string Reviewer = nameof(Reviewer);
    public const string SchoolContributor = nameof(SchoolContributor);
    public const string Authenticated = nameof(Authenticated);
    public const string Anonymous = nameof(Anonymous);
}
