using ChuyenDe.Modules.Contents;

namespace ChuyenDe.Modules.Fields.ConsentPart;

/// <summary>
/// The contributor's confirmation that the parents of the children shown consented to publishing the photos (ours, not
/// Orchard Core's). It shows nothing on the public site and has no row in the comparison of versions; the publishing
/// check that needs it is Media's (<c>MediaPublishChecks</c>, through <see cref="ContentParts.IsConsentConfirmed"/>).
/// </summary>
internal sealed partial class ConsentPartDriver : IPartDriver
{
    public string Kind => ContentKinds.ConsentPart;
}
