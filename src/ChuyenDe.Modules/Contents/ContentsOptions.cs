namespace ChuyenDe.Modules.Contents;

/// <summary>Options of the content engine (<c>ChuyenDe:Contents</c>).</summary>
public sealed class ContentsOptions
{
    /// <summary>How often drafts with a PublishLaterPart time are checked.</summary>
    public TimeSpan ScheduledPublishingInterval { get; set; } = TimeSpan.FromSeconds(30);
}
