using ChuyenDe.Modules.Contents;
using ChuyenDe.Modules.Fields.Editing;

namespace ChuyenDe.Modules.Fields.OrganizationPart;

/// <summary>
/// The organisation an item belongs to, as the editors set it (its <c>OrganizationPart</c>); the engine reads it as
/// <see cref="ContentItem.OrganizationId"/>. Who may choose which organisation is the editors' decision.
/// </summary>
public static class ItemOrganization
{
    private const string Property = "OrganizationId";

    /// <summary>The type's organisation part, or null when its items belong to no unit.</summary>
    public static ContentTypePartDefinition? PartOf(ContentTypeDefinition type)
        => type.Parts.FirstOrDefault(p => p.PartName == ContentKinds.OrganizationPart);

    /// <summary>The input name of the organisation in the editor.</summary>
    public static string Key(ContentTypePartDefinition part) => FormKeys.For(part.Name, Property);

    /// <summary>An error of the organisation's input.</summary>
    public static ContentValidationError Error(ContentTypePartDefinition part, string message) => new(part.Name, Property, message);

    /// <summary>Gives the item an organisation, or none (null or empty).</summary>
    public static void Set(ContentItem item, ContentTypePartDefinition part, string? organizationId)
    {
        if (string.IsNullOrEmpty(organizationId))
        {
            item.GetOrCreatePart(part.Name).Remove(Property);
        }
        else
        {
            item.GetOrCreatePart(part.Name)[Property] = organizationId;
        }
    }
}
