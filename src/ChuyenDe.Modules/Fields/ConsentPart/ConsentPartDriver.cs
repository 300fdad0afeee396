using System.Text.Json.Nodes;
using ChuyenDe.Modules.Contents;
using Microsoft.Extensions.Localization;

namespace ChuyenDe.Modules.Fields.ConsentPart;

/// <summary>
/// The contributor's confirmation that the children's parents consented to publishing photos of them (ours, not Orchard
/// Core's): who confirmed and when are recorded on the server. It is not shown on the site nor compared between versions.
/// </summary>
internal sealed partial class ConsentPartDriver(IStringLocalizer<FieldsResources> T) : IPartDriver
{
    public string Kind => ContentKinds.ConsentPart;

    /// <summary>Whether a ConsentPart holds a confirmation of the parents' consent.</summary>
    public static bool IsConfirmed(JsonObject? consentPart)
        => consentPart?["Confirmed"] is JsonValue confirmed && confirmed.TryGetValue<bool>(out var c) && c;
}
