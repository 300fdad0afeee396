using ChuyenDe.Modules.Organizations;
using ChuyenDe.Modules.Security;
using ChuyenDe.Modules.Users;
using Microsoft.AspNetCore.Identity;

namespace ChuyenDe.Modules.Editorial;

/// <summary>
/// The users who could take a submission (curators) or assess it (reviewers) at its current step: users of the
/// reviewing unit (or below it, for reviewers) holding a role that grants the permission, who can see the item.
/// </summary>
public sealed class ReviewerCandidates(
    IOrganizationService organizations,
    IUserScopeService scopes,
    UserManager<CmsUser> users,
    IRoleCatalog roles)
{
    /// <summary>The active candidates, by name; none once the submission is at no reviewing unit.</summary>
    public async Task<IReadOnlyList<(string Id, string Name)>> ListAsync(SubmissionRecord record, string permission, bool exactOrganization, CancellationToken ct = default)
    {
        if (record.ReviewOrganizationId is not { } reviewing)
        {
            return [];
        }

        var organizationIds = exactOrganization ? new HashSet<string> { reviewing } : await organizations.GetSubtreeIdsAsync(reviewing, ct);
        var granting = (await roles.ListAsync(ct)).Where(r => !r.IsImplicit && !r.IsAdministrator && r.Effective.Contains(permission));
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var role in granting)
        {
            foreach (var user in await users.GetUsersInRoleAsync(role.Name))
            {
                if (!organizationIds.Contains(user.OrganizationId) || result.ContainsKey(user.Id)
                    || user.Id == record.OwnerUserId || user.Id == record.SubmittedByUserId
                    || await scopes.GetByIdAsync(user.Id, ct) is not { } scope || !scope.InScope(record.OrganizationId))
                {
                    continue;
                }

                result[user.Id] = string.IsNullOrEmpty(user.DisplayName) ? user.UserName ?? user.Id : $"{user.DisplayName} ({user.UserName})";
            }
        }

        return result.OrderBy(r => r.Value, StringComparer.CurrentCulture).Select(r => (r.Key, r.Value)).ToList();
    }

    /// <summary>The candidate with this id, or null when the user is none (or no id was given).</summary>
    public async Task<(string Id, string Name)?> FindAsync(string? userId, string permission, SubmissionRecord record, bool exactOrganization, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(userId))
        {
            return null;
        }

        var match = (await ListAsync(record, permission, exactOrganization, ct)).FirstOrDefault(c => c.Id == userId);
        return match.Id is null ? null : match;
    }
}
