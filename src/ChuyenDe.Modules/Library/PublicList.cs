namespace ChuyenDe.Modules.Library;

/// <summary>
/// A list of the public site: its address, the content type it shows, the curation that adds items of other types
/// to it (null: none), and its title and introduction (keys of <c>LibraryResources</c>).
/// </summary>
public sealed record PublicList(string Path, string ContentType, string? CurationKind, string Title, string Intro)
{
    /// <summary>The lists that have a page and a feed, in the order of the main navigation.</summary>
    public static readonly IReadOnlyList<PublicList> All =
    [
        new("tin-tuc", "Article", null, "News", "News of the topic for parents and the community."),
        new("su-kien", "Event", null, "Events", "Conferences, training, competitions and study visits."),
        new("sang-kien", "Initiative", null, "Initiatives", "Practices and solutions written up by schools and teachers."),
        new("san-pham-dien-hinh", "ExemplaryProduct", Contents.CurationKinds.Exemplary, "Exemplary products",
            "Products the Department selected for dissemination and replication."),
        new("mo-hinh-diem", "ModelSite", Contents.CurationKinds.ModelSite, "Model sites",
            "Schools designated as model sites for a theme, open for study visits."),
        new("van-ban", "OfficialDocument", null, "Official documents",
            "Plans, official letters, decisions and guidance issued by the Department and the district offices on the topic."),
    ];

    /// <summary>The list at <paramref name="path"/> (without slashes), or null.</summary>
    public static PublicList? Find(string path) => All.FirstOrDefault(l => l.Path == path);
}
