using ChuyenDe.Modules.Contents;
using ChuyenDe.Modules.Security;
using ChuyenDe.Modules.Settings;

namespace ChuyenDe.Modules.Fields.Editing;

/// <summary>What a driver builds an editor from: the user, the form's values (as stored or as posted) and the site.</summary>
public sealed record EditorContext(UserScope Scope, ContentFormValues Values, SiteSettings Site)
{
    /// <summary>The stored latest version being edited; null on the create page.</summary>
    public ContentItem? Existing { get; init; }

    /// <summary>Whether the user may publish the item (and so schedule it).</summary>
    public bool CanPublish { get; init; }
}
