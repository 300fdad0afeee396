using ChuyenDe.Modules.Contents;
using ChuyenDe.Modules.Security;
using Microsoft.AspNetCore.Http;

namespace ChuyenDe.Modules.Media;

/// <summary>Who may read a media file, and whether it may be cached publicly.</summary>
internal enum MediaVisibility
{
    /// <summary>Not for this user: answer 404.</summary>
    Hidden,

    /// <summary>For this signed-in user only: never stored by a shared cache.</summary>
    Private,

    /// <summary>Used by a published item: public.</summary>
    Public,
}

/// <summary>
/// The access rule of files of the media library, shared by the original files (<see cref="MediaFileEndpoint"/>) and
/// their image derivatives (<see cref="DerivativeEndpoint"/>): files used by a published item are public; files used only
/// by unpublished items are for signed-in users who may view one of those items; files used by nothing for users of
/// the back office.
/// </summary>
internal static class MediaAccess
{
    public static async Task<MediaVisibility> GetVisibilityAsync(string path, HttpContext http, IMediaUsage usages,
        IUserScopeService scopes, IContentAuthorizer authorizer, IContentManager contents, CancellationToken ct)
    {
        var usage = await usages.GetAsync(path, ct);
        if (usage.IsPublished)
        {
            return MediaVisibility.Public;
        }

        return await MayReadAsync(usage, http, scopes, authorizer, contents, ct) ? MediaVisibility.Private : MediaVisibility.Hidden;
    }

    /// <summary>
    /// A file used only by unpublished items: signed-in users who may view one of them. A file used by nothing (a
    /// library file not attached yet): users of the back office.
    /// </summary>
    public static async Task<bool> MayReadAsync(MediaUsageInfo usage, HttpContext http, IUserScopeService scopes,
        IContentAuthorizer authorizer, IContentManager contents, CancellationToken ct)
    {
        var user = await scopes.GetAsync(http.User, ct);
        if (user is null)
        {
            return false;
        }

        if (!usage.IsUsed)
        {
            return user.Has("AccessAdmin");
        }

        foreach (var entry in usage.Items)
        {
            if (await contents.GetAsync(entry.ContentItemId, VersionOptions.Latest, ct) is { } item
                && authorizer.Can(user, ContentAction.View, item))
            {
                return true;
            }
        }

        return false;
    }
}
