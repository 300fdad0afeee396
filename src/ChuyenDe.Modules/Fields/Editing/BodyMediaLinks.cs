using ChuyenDe.Modules.Media;
using ChuyenDe.Modules.Security;

namespace ChuyenDe.Modules.Fields.Editing;

/// <summary>Links to <c>/media/…</c> written into a body must name files the user may use, as a media field's chooser does.</summary>
public static class BodyMediaLinks
{
    /// <summary>The first file linked in <paramref name="posted"/> but not in <paramref name="stored"/> that the user may not use, or null.</summary>
    public static async Task<string?> RefusedAsync(IMediaFileAccess mediaFiles, UserScope scope, string? stored, string posted, CancellationToken ct)
    {
        var before = MediaLinks.PathsIn(stored);
        var added = MediaLinks.PathsIn(posted).Where(p => !before.Contains(p)).ToList();
        var usable = await mediaFiles.UsableAsync(scope, added, ct);
        return added.FirstOrDefault(p => !usable.Contains(p));
    }
}
