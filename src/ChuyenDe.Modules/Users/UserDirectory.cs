using ChuyenDe.Modules.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ChuyenDe.Modules.Users;

/// <summary>The accounts' display names for the other modules (<see cref="IUserDirectory"/>), read through Identity.</summary>
internal sealed class UserDirectory(UserManager<CmsUser> users) : IUserDirectory
{
    public async Task<IReadOnlyDictionary<string, string>> GetDisplayNamesAsync(IEnumerable<string> idsOrUserNames, CancellationToken ct = default)
    {
        var keys = idsOrUserNames.Where(k => !string.IsNullOrEmpty(k)).Distinct(StringComparer.Ordinal).ToList();
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        if (keys.Count == 0)
        {
            return names;
        }

        // Owners are user ids; items imported by recipes may name the owner by user name instead.
        var found = await users.Users.Where(u => keys.Contains(u.Id) || keys.Contains(u.UserName!))
            .Select(u => new { u.Id, u.UserName, u.DisplayName }).ToListAsync(ct);
        foreach (var user in found)
        {
            var name = user.DisplayName.Length > 0 ? user.DisplayName : user.UserName ?? user.Id;
            names.TryAdd(user.Id, name);
            if (user.UserName is { } userName)
            {
                names.TryAdd(userName, name);
            }
        }

        return names;
    }

    public async Task<string?> FindIdAsync(string userName, CancellationToken ct = default)
        => string.IsNullOrWhiteSpace(userName) ? null : (await users.FindByNameAsync(userName.Trim()))?.Id;
}
