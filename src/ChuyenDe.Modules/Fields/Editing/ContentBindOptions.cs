namespace ChuyenDe.Modules.Fields.Editing;

/// <summary>What the binding may change besides the fields; the editor service decides from the user's rights.</summary>
public sealed record ContentBindOptions(TimeZoneInfo TimeZone)
{
    /// <summary>Whether the publishing time of a PublishLaterPart is taken from the form (only for users who may publish).</summary>
    public bool BindSchedule { get; init; } = true;

    /// <summary>Whether the organisation is taken from the form (the service has checked or forced it).</summary>
    public bool BindOrganization { get; init; } = true;

    /// <summary>The signed-in user's user name, recorded when they confirm the parents' consent (ConsentPart).</summary>
    public string? UserName { get; init; }

    /// <summary>The server's time, recorded when the parents' consent is confirmed.</summary>
    public DateTime UtcNow { get; init; } = DateTime.UtcNow;
}
