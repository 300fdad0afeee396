using System.Text.RegularExpressions;
using ChuyenDe.Modules.Organizations;
using ChuyenDe.Modules.Security;
using Microsoft.EntityFrameworkCore;

namespace ChuyenDe.Modules.Media;

/// <summary>A file the media field's chooser offers: its stored path and the name it was uploaded under.</summary>
public sealed record MediaChoice(string Path, string Name);

/// <summary>
/// Which files of the media store belong to whom (a contract other modules use instead of Media's tables). An uploaded
/// file belongs to the organisation whose library holds it (<c>MediaFiles.OrganizationId</c>); a file placed by a
/// recipe has no upload record and belongs to no organisation: only administrators may choose it.
/// </summary>
public interface IMediaFileAccess
{
    /// <summary>
    /// The files a user may choose for a media field or link from a body: uploads of organisations in their scope,
    /// newest first (administrators: every upload, then the recipes' files).
    /// </summary>
    Task<IReadOnlyList<MediaChoice>> ListChoosableAsync(UserScope user, CancellationToken ct = default);

    /// <summary>Those of <paramref name="paths"/> that exist and that the user may attach or link: the rule of <see cref="ListChoosableAsync"/>.</summary>
    Task<IReadOnlySet<string>> UsableAsync(UserScope user, IReadOnlyCollection<string> paths, CancellationToken ct = default);

    /// <summary>
    /// Whether a file is an item's own: an upload of the item's organisation or of a unit below it (everyone of the
    /// item's organisation could reach it anyway), or any file for an item of no organisation (site-wide content that
    /// only Department users and administrators edit), or a recipe's file (only administrators and recipes attach those).
    /// </summary>
    Task<IReadOnlySet<string>> OwnedByItemAsync(string? itemOrganizationId, IReadOnlyCollection<string> paths, CancellationToken ct = default);
}

/// <summary>Finding <c>/media/…</c> addresses (originals and image derivatives) in the text of a Markdown or HTML body.</summary>
public static partial class MediaLinks
{
    /// <summary>The media paths a text links to, each once, derivatives (<c>/media/_anh/{size}/{format}/{path}</c>) as their original.</summary>
    public static IReadOnlySet<string> PathsIn(string? text)
    {
        var found = new SortedSet<string>(StringComparer.Ordinal);
        if (string.IsNullOrEmpty(text))
        {
            return found;
        }

        foreach (Match match in MediaLink().Matches(text))
        {
            // HTML attributes may carry entities (&amp;); each segment of the address is percent-encoded.
            var address = System.Net.WebUtility.HtmlDecode(match.Groups["path"].Value);
            var segments = address.Split('/').Select(Uri.UnescapeDataString).ToArray();
            if (segments.Length > 3 && segments[0] == "_anh")
            {
                segments = segments[3..];
            }

            var path = string.Join('/', segments).Trim();
            if (FileSystemMediaStore.IsSafe(path))
            {
                found.Add(path);
            }
        }

        return found;
    }

    /// <summary>A site-relative <c>/media/…</c> address (Markdown link or image, HTML src/href), up to a quote, space, bracket, query or fragment.</summary>
    [GeneratedRegex("""(?<![\w/.:-])/media/(?<path>[^\s"'()<>\[\]?#]+)""")]
    private static partial Regex MediaLink();
}

internal sealed class MediaFileAccess(DbContext db, IMediaStore store, IOrganizationService organizations) : IMediaFileAccess
{
    /// <summary>The chooser lists at most this many files (the newest); the media library has filters for the rest.</summary>
    private const int MaxChoices = 1000;

    public async Task<IReadOnlyList<MediaChoice>> ListChoosableAsync(UserScope user, CancellationToken ct = default)
    {
        var files = db.Set<MediaFileRecord>().AsNoTracking();
        if (!user.IsAdministrator)
        {
            var ids = user.OrganizationIds.ToList();
            files = files.Where(f => ids.Contains(f.OrganizationId));
        }

        var choices = await files.OrderByDescending(f => f.UploadedUtc).ThenByDescending(f => f.Id).Take(MaxChoices)
            .Select(f => new MediaChoice(f.Path, f.OriginalName)).ToListAsync(ct);
        if (user.IsAdministrator)
        {
            var recorded = await db.Set<MediaFileRecord>().AsNoTracking().Select(f => f.Path).ToListAsync(ct);
            var known = recorded.ToHashSet(StringComparer.Ordinal);
            choices.AddRange((await store.ListAsync(ct)).Where(p => !known.Contains(p)).Select(p => new MediaChoice(p, Path.GetFileName(p))));
        }

        return choices;
    }

    public async Task<IReadOnlySet<string>> UsableAsync(UserScope user, IReadOnlyCollection<string> paths, CancellationToken ct = default)
    {
        var usable = new HashSet<string>(StringComparer.Ordinal);
        var wanted = paths.Where(FileSystemMediaStore.IsSafe).Distinct(StringComparer.Ordinal).ToList();
        if (wanted.Count == 0)
        {
            return usable;
        }

        var owners = await OwnersAsync(wanted, ct);
        foreach (var path in wanted)
        {
            if (owners.TryGetValue(path, out var organizationId))
            {
                if (user.IsAdministrator || user.OrganizationIds.Contains(organizationId))
                {
                    usable.Add(path);
                }
            }
            else if (user.IsAdministrator && await store.ExistsAsync(path, ct))
            {
                usable.Add(path);
            }
        }

        return usable;
    }

    public async Task<IReadOnlySet<string>> OwnedByItemAsync(string? itemOrganizationId, IReadOnlyCollection<string> paths, CancellationToken ct = default)
    {
        var owned = new HashSet<string>(StringComparer.Ordinal);
        var wanted = paths.Where(p => !string.IsNullOrEmpty(p)).Distinct(StringComparer.Ordinal).ToList();
        if (wanted.Count == 0)
        {
            return owned;
        }

        var owners = await OwnersAsync(wanted, ct);
        foreach (var path in wanted)
        {
            if (!owners.TryGetValue(path, out var organizationId) || await IsOwnAsync(itemOrganizationId, organizationId, ct))
            {
                owned.Add(path);
            }
        }

        return owned;
    }

    /// <summary>Whether an upload of <paramref name="fileOrganizationId"/> is the own of an item of <paramref name="itemOrganizationId"/>.</summary>
    internal async Task<bool> IsOwnAsync(string? itemOrganizationId, string fileOrganizationId, CancellationToken ct)
        => itemOrganizationId is null || (await organizations.GetSubtreeIdsAsync(itemOrganizationId, ct)).Contains(fileOrganizationId);

    /// <summary>Path → organisation of the uploaded files among the paths (recipe files are absent).</summary>
    internal async Task<Dictionary<string, string>> OwnersAsync(IReadOnlyCollection<string> paths, CancellationToken ct)
    {
        var list = paths.ToList();
        return await db.Set<MediaFileRecord>().AsNoTracking().Where(f => list.Contains(f.Path))
            .ToDictionaryAsync(f => f.Path, f => f.OrganizationId, StringComparer.Ordinal, ct);
    }
}
