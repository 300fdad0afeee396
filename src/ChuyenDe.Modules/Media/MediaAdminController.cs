using ChuyenDe.Modules.Contents;
using ChuyenDe.Modules.Admin;
using ChuyenDe.Modules.Media.Uploads;
using ChuyenDe.Modules.Organizations;
using ChuyenDe.Modules.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace ChuyenDe.Modules.Media;

/// <summary>Marker for the media library admin's UI strings (<c>MediaAdminResources.vi.resx</c>).</summary>
public sealed class MediaAdminResources;

public sealed record MediaLibraryFilter(string? Org, string? Folder, string? Kind, string? Q);

/// <summary>What the views show of a <see cref="MediaFileRecord"/> (the table itself stays inside the module).</summary>
public sealed record MediaFileItem(long Id, string Path, string Name, string OrganizationId, string Folder, string Kind, string ContentType,
    long Length, int? Width, int? Height, int? PageCount, long DownloadCount, DateTime UploadedUtc)
{
    public bool IsImage => ContentType.StartsWith("image/", StringComparison.Ordinal) && !ContentType.Contains("svg", StringComparison.Ordinal);

    internal static MediaFileItem From(MediaFileRecord f) => new(f.Id, f.Path, f.OriginalName, f.OrganizationId, f.Folder, f.Kind, f.ContentType,
        f.Length, f.Width, f.Height, f.PageCount, f.DownloadCount, f.UploadedUtc);
}

public sealed record MediaLibraryEntry(MediaFileItem File, string UploaderName, MediaUsageInfo Usage, bool CanChange);

public sealed record MediaLibraryView(
    MediaLibraryFilter Filter,
    IReadOnlyList<MediaLibraryEntry> Files,
    IReadOnlyList<Organization> Organizations,
    IReadOnlyList<string> Folders,
    IReadOnlyList<string> Kinds,
    string? UploadOrganizationId);

public sealed record MediaDeleteView(MediaFileItem File, MediaUsageInfo Usage);

/// <summary>
/// <c>/admin/tep</c>: the media library of the user's organisation subtree (administrators: all), uploads, rename, move
/// and delete. Files outside the scope are answered with 404; ManageOwnMedia changes only the user's own uploads (403
/// for a colleague's), ManageMedia every file in scope.
/// </summary>
[RequirePermission(MediaPermissions.ManageOwnMedia)]
public sealed class MediaAdminController(
    IOrganizationService organizations,
    IMediaUploadService uploads,
    IMediaUsage usages,
    IMediaStore store,
    DbContext db,
    IUserDirectory userDirectory,
    IEnumerable<IContentChangeGuard> guards,
    IOptions<MediaUploadOptions> uploadOptions,
    IStringLocalizer<MediaAdminResources> T) : AdminController
{
    private const string Base = "/admin/tep";

    [HttpGet(Base)]
    public async Task<IActionResult> Index([FromQuery(Name = "org")] string? org, [FromQuery(Name = "folder")] string? folder,
        [FromQuery(Name = "kind")] string? kind, [FromQuery(Name = "q")] string? q, CancellationToken ct)
    {
        var actor = Scope;

        var query = InScope(actor);
        if (!string.IsNullOrEmpty(org))
        {
            query = query.Where(f => f.OrganizationId == org);
        }

        if (folder is not null)
        {
            var normalized = MediaFolders.Normalize(folder);
            query = query.Where(f => f.Folder == normalized);
        }

        if (!string.IsNullOrEmpty(kind))
        {
            query = query.Where(f => f.Kind == kind);
        }

        if (!string.IsNullOrWhiteSpace(q))
        {
            var text = q.Trim().Normalize(System.Text.NormalizationForm.FormC);
            query = query.Where(f => f.OriginalName.Contains(text));
        }

        var files = await query.OrderByDescending(f => f.UploadedUtc).ThenByDescending(f => f.Id).Take(500).ToListAsync(ct);
        var userIds = files.Select(f => f.UploadedBy).Distinct().ToList();
        var names = await userDirectory.GetDisplayNamesAsync(userIds, ct);
        var entries = new List<MediaLibraryEntry>();
        foreach (var file in files)
        {
            entries.Add(new MediaLibraryEntry(MediaFileItem.From(file), names.GetValueOrDefault(file.UploadedBy) ?? "?", await usages.GetAsync(file.Path, ct), CanChange(actor, file)));
        }

        var units = (await organizations.ListAsync(ct)).Where(o => actor.InScope(o.Id)).OrderBy(o => o.Name).ToList();
        var folders = await InScope(actor).Select(f => f.Folder).Distinct().OrderBy(f => f).ToListAsync(ct);
        var kinds = await InScope(actor).Select(f => f.Kind).Distinct().OrderBy(k => k).ToListAsync(ct);
        var uploadOrg = !string.IsNullOrEmpty(org) && actor.InScope(org) ? org : actor.OrganizationId;
        return View(new MediaLibraryView(new MediaLibraryFilter(org, folder, kind, q), entries, units, folders, kinds, uploadOrg));
    }

    /// <summary>
    /// Several files at once (<c>files</c>), into <c>OrganizationId</c> (default: the user's) and <c>Folder</c>.
    /// JSON (<c>Accept: application/json</c>): an array of <see cref="MediaUploadResult"/>; a form: back to the library.
    /// </summary>
    [HttpPost(Base + "/tai-len")]
    [MediaUploadLimits]
    public async Task<IActionResult> Upload()
    {
        // No parameter on purpose: MVC binds an action's parameters through its value providers, and the form's provider
        // reads the whole body (buffered to ASP.NET Core's temporary folder) before the action runs — even for a
        // CancellationToken — which made every upload wait for its last byte and left the buffer behind after a kill.
        var ct = HttpContext.RequestAborted;
        var actor = Scope;

        var json = WantsJson();
        if (!Request.HasFormContentType)
        {
            return RequestProblem(json, T["Choose one or more files to upload."]);
        }

        // The token came in the X-CSRF-TOKEN header (the script): the form was not read, so each file is streamed from
        // the request body straight to staging. Otherwise (a plain form post) the form was read to find the token.
        var streamed = HttpContext.Features.Get<IFormFeature>()?.Form is null
            && MediaTypeHeaderValue.TryParse(Request.ContentType, out var mediaType)
            && mediaType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            && !string.IsNullOrEmpty(HeaderUtilities.RemoveQuotes(mediaType.Boundary).Value);
        var results = new List<MediaUploadResult>();
        MediaUploadTarget? target = null;
        string? problem = null;
        try
        {
            if (streamed)
            {
                var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                var boundary = HeaderUtilities.RemoveQuotes(MediaTypeHeaderValue.Parse(Request.ContentType).Boundary).Value!;
                var reader = new MultipartReader(boundary, Request.Body)
                {
                    BodyLengthLimit = uploadOptions.Value.MaxBytesOfAnyKind() + MediaUploadOptions.MegaByte,
                };
                while (await reader.ReadNextSectionAsync(ct) is { } section)
                {
                    if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition))
                    {
                        continue;
                    }

                    if (disposition.IsFileDisposition())
                    {
                        target ??= await TargetAsync(actor, fields.GetValueOrDefault("OrganizationId"), fields.GetValueOrDefault("Folder"), ct);
                        if (target is null)
                        {
                            problem = T["Choose the organisation whose library receives the files."];
                            break;
                        }

                        var fileName = disposition.FileNameStar.HasValue ? disposition.FileNameStar.Value : HeaderUtilities.RemoveQuotes(disposition.FileName).Value;
                        results.Add(await uploads.UploadAsync(section.Body, fileName ?? "", null, target, ct));
                    }
                    else if (disposition.IsFormDisposition() && fields.Count < 16)
                    {
                        using var text = new StreamReader(section.Body);
                        var value = await text.ReadToEndAsync(ct);
                        fields[HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? ""] = value.Length > 1024 ? value[..1024] : value;
                    }
                }

                target ??= await TargetAsync(actor, fields.GetValueOrDefault("OrganizationId"), fields.GetValueOrDefault("Folder"), ct);
            }
            else
            {
                var form = await Request.ReadFormAsync(ct);
                target = await TargetAsync(actor, form["OrganizationId"].ToString(), form["Folder"].ToString(), ct);
                if (target is not null)
                {
                    foreach (var file in form.Files)
                    {
                        await using var stream = file.OpenReadStream();
                        results.Add(await uploads.UploadAsync(stream, file.FileName, file.Length, target, ct));
                    }
                }
            }
        }
        catch (Exception e) when (e is InvalidDataException or BadHttpRequestException or IOException && results.Count == 0 && !ct.IsCancellationRequested)
        {
            return RequestProblem(json, T["The upload is too large or damaged."]);
        }

        if (target is null || problem is not null)
        {
            return RequestProblem(json, problem ?? T["Choose the organisation whose library receives the files."]);
        }

        if (results.Count == 0)
        {
            return RequestProblem(json, T["Choose one or more files to upload."]);
        }

        var organizationId = target.OrganizationId;
        if (json)
        {
            return Ok(results.Select(r => new { name = r.Name, ok = r.Ok, path = r.Path, message = r.Message }));
        }

        // An accepted file may come with a note (its text was only partly indexed), which then replaces "uploaded".
        Flash(string.Join(" ", results.Select(r => r.Ok ? r.Message ?? T["The file “{0}” was uploaded.", r.Name].Value : r.Message)));
        return Redirect(Base + (organizationId != actor.OrganizationId ? "?org=" + Uri.EscapeDataString(organizationId) : ""));
    }

    /// <summary>The organisation (default: the user's, which must exist and be in scope) and folder of an upload, or null.</summary>
    private async Task<MediaUploadTarget?> TargetAsync(UserScope actor, string? organizationId, string? folder, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(organizationId))
        {
            organizationId = actor.OrganizationId;
        }

        if (!OrganizationRules.IsValidId(organizationId) || !actor.InScope(organizationId) || await organizations.GetAsync(organizationId, ct) is null)
        {
            return null;
        }

        return new MediaUploadTarget(organizationId, folder ?? "", actor.UserId);
    }

    [HttpGet(Base + "/{id:long}")]
    public async Task<IActionResult> Details(long id, CancellationToken ct)
    {
        var actor = Scope;

        if (await FindAsync(actor, id, ct) is not { } file)
        {
            return NotFound();
        }

        var uploader = (await userDirectory.GetDisplayNamesAsync([file.UploadedBy], ct)).GetValueOrDefault(file.UploadedBy);
        return View(new MediaLibraryEntry(MediaFileItem.From(file), uploader ?? "?", await usages.GetAsync(file.Path, ct), CanChange(actor, file)));
    }

    [HttpPost(Base + "/{id:long}/doi-ten")]
    public async Task<IActionResult> Rename(long id, [FromForm(Name = "Name")] string? name, CancellationToken ct)
        => await ChangeAsync(id, file =>
        {
            var safe = SafeFileName.Normalize(name);
            var extension = SafeFileName.ExtensionOf(file.OriginalName);
            // The extension stays the one of the real content.
            file.OriginalName = SafeFileName.Normalize(SafeFileName.ExtensionOf(safe) == extension ? safe : safe + extension);
            return T["The file was renamed to “{0}”.", file.OriginalName];
        }, ct);

    [HttpPost(Base + "/{id:long}/chuyen")]
    public async Task<IActionResult> Move(long id, [FromForm(Name = "Folder")] string? folder, CancellationToken ct)
        => await ChangeAsync(id, file =>
        {
            file.Folder = MediaFolders.Normalize(folder);
            return T["The file “{0}” was moved to the folder “{1}”.", file.OriginalName, file.Folder.Length == 0 ? "/" : file.Folder];
        }, ct);

    [HttpPost(Base + "/{id:long}/xoa")]
    public Task<IActionResult> Delete(long id, [FromForm(Name = "Confirm")] bool confirm, CancellationToken ct)
        => OnChangeableAsync(id, async file =>
        {
            var usage = await usages.GetAsync(file.Path, ct);

            // A file of an item under review is part of what the reviewers decide on: it stays until the item is returned.
            var actor = Scope;
            foreach (var used in usage.Items.Where(u => u.Latest))
            {
                foreach (var guard in guards)
                {
                    if (await guard.GetBlockReasonAsync(used.ContentItemId, new ContentActor(actor.UserId, actor.UserName), ct) is { } reason)
                    {
                        Flash(reason);
                        return Redirect($"{Base}/{file.Id}");
                    }
                }
            }

            if (usage.IsUsed && !confirm)
            {
                return View("Delete", new MediaDeleteView(MediaFileItem.From(file), usage));
            }

            db.Remove(file);
            await db.SaveChangesAsync(ct);
            await store.DeleteAsync(file.Path, ct);
            Flash(T["The file “{0}” was deleted.", file.OriginalName]);
            return Redirect(Base);
        }, ct);

    private Task<IActionResult> ChangeAsync(long id, Func<MediaFileRecord, string> change, CancellationToken ct)
        => OnChangeableAsync(id, async file =>
        {
            var message = change(file);
            await db.SaveChangesAsync(ct);
            Flash(message);
            return Redirect($"{Base}/{file.Id}");
        }, ct);

    /// <summary>Runs a change of a file the user may change: out of scope 404, not theirs to change 403.</summary>
    private async Task<IActionResult> OnChangeableAsync(long id, Func<MediaFileRecord, Task<IActionResult>> work, CancellationToken ct)
    {
        var actor = Scope;

        if (await FindAsync(actor, id, ct) is not { } file)
        {
            return NotFound();
        }

        if (!CanChange(actor, file))
        {
            return Forbid();
        }

        return await work(file);
    }

    private IQueryable<MediaFileRecord> InScope(UserScope actor)
    {
        var files = db.Set<MediaFileRecord>().AsQueryable();
        if (actor.IsAdministrator)
        {
            return files;
        }

        var ids = actor.OrganizationIds.ToList();
        return files.Where(f => ids.Contains(f.OrganizationId));
    }

    private async Task<MediaFileRecord?> FindAsync(UserScope actor, long id, CancellationToken ct)
        => await InScope(actor).FirstOrDefaultAsync(f => f.Id == id, ct);

    private static bool CanChange(UserScope actor, MediaFileRecord file) => actor.Has(MediaPermissions.ManageMedia) || file.UploadedBy == actor.UserId;

    private bool WantsJson()
        => Request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase));

    private IActionResult RequestProblem(bool json, string message)
    {
        if (json)
        {
            return Problem(detail: message, statusCode: StatusCodes.Status400BadRequest, title: T["The upload was not accepted."]);
        }

        Flash(message);
        return Redirect(Base);
    }
}

/// <summary>
/// Request body and multipart limits of the upload endpoint from <see cref="MediaUploadOptions"/> (the largest limit per
/// file, a few files per request), set before the anti-forgery filter reads the form.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class MediaUploadLimitsAttribute : Attribute, IAuthorizationFilter, IOrderedFilter
{
    public const int FilesPerRequest = 20;

    public int Order => int.MinValue;

    public void OnAuthorization(AuthorizationFilterContext context)
    {
        var options = context.HttpContext.RequestServices.GetRequiredService<IOptions<MediaUploadOptions>>().Value;
        var perFile = options.MaxBytesOfAnyKind() + MediaUploadOptions.MegaByte;
        var features = context.HttpContext.Features;
        if (features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } body)
        {
            body.MaxRequestBodySize = perFile * 4;
        }

        if (!context.HttpContext.Request.HasFormContentType)
        {
            return;
        }

        features.Set<IFormFeature>(new FormFeature(context.HttpContext.Request, new FormOptions
        {
            MultipartBodyLengthLimit = perFile * 4,
            ValueCountLimit = 64,
        }));
    }
}

internal sealed class MediaAdminMenu(IStringLocalizer<MediaAdminResources> T) : IAdminMenuProvider
{
    public IEnumerable<AdminMenuItem> GetItems() =>
    [
        new(T["Overview"], T["Files"], "/admin/tep", MediaPermissions.ManageOwnMedia, 20),
    ];
}
