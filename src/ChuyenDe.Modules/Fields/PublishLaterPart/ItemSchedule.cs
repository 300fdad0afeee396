using System.Text.Json.Nodes;
using ChuyenDe.Modules.Contents;
using ChuyenDe.Modules.Fields.Editing;

namespace ChuyenDe.Modules.Fields.PublishLaterPart;

/// <summary>The scheduled publishing time of an item (its <c>PublishLaterPart</c>), for the modules that show or drop it.</summary>
public static class ItemSchedule
{
    /// <summary>The part's property holding the time (UTC).</summary>
    public const string Property = "ScheduledPublishUtc";

    /// <summary>Whether the item's publishing is scheduled (it holds a time).</summary>
    public static bool IsScheduled(ContentItem item) => item.Part(ContentKinds.PublishLaterPart)?[Property] is not null;

    /// <summary>The stored publishing time (UTC), or null.</summary>
    public static DateTime? ScheduledUtc(ContentItem item)
        => ContentValidator.Text(item.Part(ContentKinds.PublishLaterPart)?[Property]) is { } text && ContentJson.TryParseDate(text, out var utc) ? utc : null;

    /// <summary>Drops the item's publishing time.</summary>
    public static void Unschedule(ContentItem item) => item.Part(ContentKinds.PublishLaterPart)?.Remove(Property);

    /// <summary>
    /// Drops the publishing time of every PublishLaterPart of the type from the item and from the form's values; returns
    /// whether there was one.
    /// </summary>
    public static bool Unschedule(ContentTypeDefinition type, ContentItem item, ContentFormValues values)
    {
        var dropped = false;
        foreach (var part in type.Parts.Where(p => p.PartName == ContentKinds.PublishLaterPart))
        {
            if (item.Part(part.Name) is JsonObject json && json[Property] is not null)
            {
                json.Remove(Property);
                values.Remove(FormKeys.For(part.Name, Property));
                dropped = true;
            }
        }

        return dropped;
    }
}
