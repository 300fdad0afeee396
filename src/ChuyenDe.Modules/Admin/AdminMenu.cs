using System.Security.Claims;
using ChuyenDe.Modules.Security;

namespace ChuyenDe.Modules.Admin;

/// <summary>An entry of the admin menu, shown only to users holding <see cref="Permission"/>.</summary>
public sealed record AdminMenuItem(string Group, string Text, string Url, string Permission, int Order = 0);

/// <summary>Each module adds its admin menu entries (already in the UI language).</summary>
public interface IAdminMenuProvider
{
    IEnumerable<AdminMenuItem> GetItems();
}

public interface IAdminMenu
{
    Task<IReadOnlyList<IGrouping<string, AdminMenuItem>>> GetAsync(ClaimsPrincipal user, CancellationToken ct = default);
}

internal sealed class AdminMenu(IEnumerable<IAdminMenuProvider> providers, IPermissionService permissions) : IAdminMenu
{
    public async Task<IReadOnlyList<IGrouping<string, AdminMenuItem>>> GetAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        var granted = await permissions.GetPermissionsAsync(user, ct);
        return providers.SelectMany(p => p.GetItems())
            .Where(i => granted.Contains(i.Permission))
            .OrderBy(i => i.Order)
            .GroupBy(i => i.Group)
            .ToList();
    }
}

/// <summary>
/// Counts sign-in attempts per client address and per account in a sliding minute, so that guessing passwords is
/// slow even before an account is locked out.
/// </summary>
public sealed class SignInThrottle(TimeProvider clock)
{
    public const int PerAddressPerMinute = 20;
    public const int PerAccountPerMinute = 8;
    private readonly Dictionary<string, Queue<DateTimeOffset>> _attempts = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    /// <summary>Records an attempt; false when the address or the account has tried too often in the last minute.</summary>
    public bool TryAttempt(string? address, string userName)
    {
        var now = clock.GetUtcNow();
        lock (_lock)
        {
            var addressOk = Count("ip:" + (address ?? "unknown"), now) < PerAddressPerMinute;
            var accountOk = Count("user:" + userName.Trim().ToUpperInvariant(), now) < PerAccountPerMinute;
            if (!addressOk || !accountOk)
            {
                return false;
            }

            Add("ip:" + (address ?? "unknown"), now);
            Add("user:" + userName.Trim().ToUpperInvariant(), now);
            if (_attempts.Count > 10_000)
            {
                foreach (var key in _attempts.Keys.Where(k => Count(k, now) == 0).ToList())
                {
                    _attempts.Remove(key);
                }
            }

            return true;
        }
    }

    private int Count(string key, DateTimeOffset now)
    {
        if (!_attempts.TryGetValue(key, out var queue))
        {
            return 0;
        }

        while (queue.TryPeek(out var oldest) && now - oldest > TimeSpan.FromMinutes(1))
        {
            queue.Dequeue();
        }

        return queue.Count;
    }

    private void Add(string key, DateTimeOffset now)
    {
        if (!_attempts.TryGetValue(key, out var queue))
        {
            _attempts[key] = queue = new Queue<DateTimeOffset>();
        }

        queue.Enqueue(now);
    }
}
