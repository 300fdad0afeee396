namespace ChuyenDe.Modules.Security;

/// <summary>
/// What other modules may know of the accounts without reaching into Users' Identity tables: the names to show for
/// user ids (owners, uploaders) and user names (authors of imported items). Implemented by the Users module.
/// </summary>
public interface IUserDirectory
{
    /// <summary>
    /// Display names keyed by user id and by user name (the display name, or the user name when it is empty); keys
    /// without a user are left out.
    /// </summary>
    Task<IReadOnlyDictionary<string, string>> GetDisplayNamesAsync(IEnumerable<string> idsOrUserNames, CancellationToken ct = default);

    /// <summary>The id of the account with this user name (as typed, case-insensitive as Identity compares), or null.</summary>
    Task<string?> FindIdAsync(string userName, CancellationToken ct = default);
}
