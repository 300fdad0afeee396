using ChuyenDe.Modules.Security;

namespace ChuyenDe.Modules.Editors;

/// <summary>The names to show for the owners (user ids) and authors (user names) of items.</summary>
public sealed class UserDisplayNames(IUserDirectory directory)
{
    /// <summary>Display names keyed by user id and by user name; keys without a user are left out.</summary>
    public Task<IReadOnlyDictionary<string, string>> GetAsync(IEnumerable<string> idsOrUserNames, CancellationToken ct = default)
        => directory.GetDisplayNamesAsync(idsOrUserNames, ct);
}
