namespace ChuyenDe.Modules.Contents;

/// <summary>Who is changing content: the user's id and name, or the system (recipes, scheduler).</summary>
public sealed record ContentActor(string UserId, string UserName)
{
    public static readonly ContentActor System = new("system", "system");

    /// <summary>Scheduled publishing: acts for whoever scheduled the item, so publish checks treat it like a user.</summary>
    public static readonly ContentActor Scheduler = new("scheduler", "scheduler");
}
