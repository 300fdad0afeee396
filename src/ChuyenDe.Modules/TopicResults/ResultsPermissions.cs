using ChuyenDe.Modules.Security;

namespace ChuyenDe.Modules.TopicResults;

/// <summary>The permission of published results pages; other modules and views name it through this constant.</summary>
public sealed class ResultsPermissions : IPermissionProvider
{
    /// <summary>Compose, publish and withdraw the results pages of one's own unit (Department curators).</summary>
    public const string PublishResults = nameof(PublishResults);

    public IEnumerable<Permission> GetPermissions() =>
    [
        new(PublishResults, "Compose and publish the public results pages of the units in scope"),
    ];
}
