namespace ChuyenDe.Modules.Contents;

/// <summary>
/// One row per content item version: the parts as a JSON document plus the columns of Orchard Core's
/// content item index (type, display text, flags, owner, dates, organisation).
/// </summary>
public sealed class ContentItemVersionRecord
{
    public long Id { get; set; }
    public string ContentItemId { get; set; } = "";
    public string ContentItemVersionId { get; set; } = "";
    public string ContentType { get; set; } = "";
    public string DisplayText { get; set; } = "";

    /// <summary>The display text folded (lower case, no tone marks, đ → d) for title filters on any provider.</summary>
    public string DisplayTextFolded { get; set; } = "";

    public bool Latest { get; set; }
    public bool Published { get; set; }
    public string Owner { get; set; } = "";
    public string Author { get; set; } = "";
    public DateTime CreatedUtc { get; set; }
    public DateTime ModifiedUtc { get; set; }
    public DateTime? PublishedUtc { get; set; }
    public DateTime? ScheduledPublishUtc { get; set; }
    public DateTime? RemovedUtc { get; set; }
    public string? OrganizationId { get; set; }

    /// <summary>The parts and fields, Orchard Core's JSON.</summary>
    public string Content { get; set; } = "{}";
}
