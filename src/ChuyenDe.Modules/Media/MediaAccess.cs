using ChuyenDe.Modules.Contents;
using ChuyenDe.Modules.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

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
/// their image derivatives (<see cref="DerivativeEndpoint"/>). Files used by a published item are public. Otherwise an
/// uploaded file is for signed-in users whose organisation scope includes the file's organisation, and for users who may
/// view an unpublished item the file is the own of (an upload of the item's organisation or below: a reviewer assigned
/// to the item sees its photos; attaching another school's file to one's own item grants nothing). A recipe's file
/// (no upload record) that no published item uses is for administrators only.
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

    /// <summary>Whether the signed-in user may read a file that no published item uses (see the class).</summary>
    public static async Task<bool> MayReadAsync(MediaUsageInfo usage, HttpContext http, IUserScopeService scopes,
        IContentAuthorizer authorizer, IContentManager contents, CancellationToken ct)
    {
        var user = await scopes.GetAsync(http.User, ct);
        if (user is null)
        {
            return false;
        }

        if (user.IsAdministrator)
        {
            return true;
        }

        var access = http.RequestServices.GetRequiredService<MediaFileAccess>();
        if (!(await access.OwnersAsync([usage.Path], ct)).TryGetValue(usage.Path, out var organizationId))
        {
            return false;
        }

        if (user.OrganizationIds.Contains(organizationId))
        {
            return true;
        }

        foreach (var entry in usage.Items)
        {
            if (await contents.GetAsync(entry.ContentItemId, VersionOptions.Latest, ct) is { } item
                && authorizer.Can(user, ContentAction.View, item)
                && await access.IsOwnAsync(item.OrganizationId, organizationId, ct))
            {
                return true;
            }
        }

        return false;
    }
}
