namespace ChuyenDe.Modules.Contents;

public sealed record ContentQuery
{
    public IReadOnlyCollection<string> ContentTypes { get; init; } = [];
    public bool LatestInsteadOfPublished { get; init; }
    public IReadOnlyCollection<IReadOnlyCollection<string>> TermGroups { get; init; } = [];
    /// <summary>Null: any organisation. Otherwise only items of these organisations (none when empty).</summary>
    public IReadOnlyCollection<string>? OrganizationIds { get; init; }

    /// <summary>With <see cref="OrganizationIds"/>: also items that belong to no organisation.</summary>
    public bool IncludeWithoutOrganization { get; init; }

    /// <summary>Only items whose owner is this user id.</summary>
    public string? Owner { get; init; }

    /// <summary>With <see cref="LatestInsteadOfPublished"/>: drafts only, or published-as-latest only.</summary>
    public ContentStatusFilter Status { get; init; }
    /// <summary>Words the title contains, ignoring case and tone marks.</summary>
    public string? TitleContains { get; init; }
    public ContentOrder Order { get; init; } = ContentOrder.PublishedNewest;
    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = 12;

    /// <summary>
    /// Whether the matching items are counted (a second round trip); without, <see cref="ContentPage.Total"/> is only
    /// what the page's position and items tell (for blocks that show the latest few and no pager).
    /// </summary>
    public bool CountTotal { get; init; } = true;
}
