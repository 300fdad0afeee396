using ChuyenDe.Modules.Security;

namespace ChuyenDe.Modules.Commendations;

/// <summary>The permissions of commendations; other modules and views name them through these constants.</summary>
public sealed class CommendationPermissions : IPermissionProvider
{
    /// <summary>Record commendation decisions of one's units, accept or reject the report rounds' nominations, publish the honour roll.</summary>
    public const string ManageCommendations = nameof(ManageCommendations);

    public IEnumerable<Permission> GetPermissions() =>
    [
        new(ManageCommendations, "Record commendation decisions, decide the nominations of report rounds and publish the honour roll"),
    ];
}
