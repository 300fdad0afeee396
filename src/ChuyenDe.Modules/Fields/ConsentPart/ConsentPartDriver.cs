using System.Text.Json.Nodes;
using ChuyenDe.Modules.Contents;
using Microsoft.Extensions.Localization;

namespace ChuyenDe.Modules.Fields.ConsentPart;

/// <summary>
/// The contributor's confirmation that the parents of the children shown consented to publishing the photos (ours, not
/// Orchard Core's). It shows nothing on the public site and has no row in the comparison of versions; the publishing
/// check that needs it is Media's (<c>MediaPublishChecks</c>, through <see cref="ContentParts.IsConsentConfirmed"/>).
/// </summary>
internal sealed partial class ConsentPartDriver(IStringLocalizer<FieldsResources> T) : IPartDriver
{
    public string Kind => ContentKinds.ConsentPart;

    /// <summary>Whether a ConsentPart holds a confirmation of the parents' consent.</summary>
    public static bool IsConfirmed(JsonObject? consentPart)
        => consentPart?["Confirmed"] is JsonValue confirmed && confirmed.TryGetValue<bool>(out var c) && c;
}
