using Microsoft.AspNetCore.Authorization;

namespace ChuyenDe.Modules.Security;

/// <summary>Requires one named permission; used through policies named <c>Permission:Name</c>.</summary>
public sealed record PermissionRequirement(string Permission) : IAuthorizationRequirement;
