using ChuyenDe.Modules.Admin;
using ChuyenDe.Modules.Audit;
using ChuyenDe.Modules.Contents;
using ChuyenDe.Modules.Fields;
using ChuyenDe.Modules.Fields.Editing;
using ChuyenDe.Modules.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace ChuyenDe.Modules.Editors;

/// <summary>
/// The generated editors: the content list, create and edit forms built from the type definitions, and the actions on
/// an item. Every action checks the user's scope and rights: an item outside the scope is answered 404, an action the
/// user may not take on an item they see 403.
/// </summary>
public sealed class ContentAdminController(
    IContentDefinitionManager definitions,
    IContentManager contents,
    IContentAuthorizer authorizer,
    ContentEditorService editor,
    ContentListService lists,
    IContentDisplayBuilder display,
    IStringLocalizer<EditorsResources> T) : AdminController
{
    public const string BasePath = "/admin/noi-dung";
    private const int FormValueLimit = 10_000;
    private const int PreviewLimit = 500_000;

    [HttpGet(BasePath)]
    public async Task<IActionResult> Index(string? type, string? status, string? org, string? term, string? q, string? sort, int page = 1,
        CancellationToken ct = default)
    {
        var scope = Scope;

        if (!ContentEditorService.SeesContent(scope))
        {
            return Denied();
        }

        var filter = new ContentListFilter { Type = type, Status = status, Org = org, Term = term, Q = q, Sort = sort, Page = page };
        return View(await lists.ListAsync(scope, filter, ct));
    }

    [HttpGet(BasePath + "/tao/{type}")]
    public Task<IActionResult> Create(string type, CancellationToken ct)
        => OnCreatableAsync(type, async (scope, definition) =>
        {
            var item = await editor.NewItemAsync(scope, definition, ct);
            return View("Edit", await editor.BuildAsync(scope, definition, null, item, ct: ct));
        }, ct);

    [HttpPost(BasePath + "/tao/{type}")]
    [RequestFormLimits(ValueCountLimit = FormValueLimit)]
    public Task<IActionResult> CreatePost(string type, CancellationToken ct)
        => OnCreatableAsync(type, async (scope, definition) =>
        {
            var (values, intent, previewKey, _) = await ReadFormAsync(ct);
            return Handle(await editor.SubmitAsync(scope, definition, null, values, intent, previewKey, null, ct), intent);
        }, ct);

    [HttpGet(BasePath + "/{id}")]
    public Task<IActionResult> Details(string id, CancellationToken ct)
        => OnItemAsync(id, ContentAction.View, async (scope, access) =>
        {
            var item = access.Item!;
            var hasPublished = await editor.HasPublishedVersionAsync(item, ct);
            var actions = new EditorActions(
                authorizer.Can(scope, ContentAction.Edit, item), false, false,
                hasPublished && authorizer.Can(scope, ContentAction.Unpublish, item), false,
                authorizer.Can(scope, ContentAction.Clone, item) && authorizer.CanCreate(scope, access.Type!, item.OrganizationId),
                authorizer.Can(scope, ContentAction.Delete, item) && (!hasPublished || authorizer.Can(scope, ContentAction.Unpublish, item)))
            { History = authorizer.Can(scope, ContentAction.ViewHistory, item), AuditTrail = scope.Has(AuditPermissions.ViewAuditTrail) };
            return View(new ContentPreviewView(item, await display.BuildDetailAsync(item, ct), hasPublished, actions));
        }, ct);

    [HttpGet(BasePath + "/{id}/sua")]
    public Task<IActionResult> Edit(string id, CancellationToken ct)
        => OnItemAsync(id, ContentAction.Edit, async (scope, access) =>
        {
            return View("Edit", await editor.BuildAsync(scope, access.Type!, access.Item!, access.Item!, ct: ct));
        }, ct);

    [HttpPost(BasePath + "/{id}/sua")]
    [RequestFormLimits(ValueCountLimit = FormValueLimit)]
    public Task<IActionResult> EditPost(string id, CancellationToken ct)
        => OnItemAsync(id, ContentAction.Edit, async (scope, access) =>
        {
            var (values, intent, previewKey, versionId) = await ReadFormAsync(ct);
            return Handle(await editor.SubmitAsync(scope, access.Type!, access.Item!, values, intent, previewKey, versionId, ct), intent);
        }, ct);

    [HttpPost(BasePath + "/{id}/go-xuat-ban")]
    public Task<IActionResult> Unpublish(string id, CancellationToken ct)
        => OnItemAsync(id, ContentAction.Unpublish, async (scope, access) =>
        {
            Flash(await contents.UnpublishAsync(id, ContentEditorService.ActorOf(scope), ct)
                ? T["The item was unpublished: it is no longer on the site."]
                : T["The item was not published."]);
            return Redirect(AfterAction(scope, access.Item!));
        }, ct);

    [HttpPost(BasePath + "/{id}/huy-nhap")]
    public Task<IActionResult> DiscardDraft(string id, CancellationToken ct)
        => OnItemAsync(id, ContentAction.Edit, async (scope, access) =>
        {
            try
            {
                Flash(await contents.DiscardDraftAsync(id, ContentEditorService.ActorOf(scope), ct)
                    ? T["The draft was discarded; the published version is the current one again."]
                    : T["There is no draft to discard: only a draft of a published item can be discarded."]);
            }
            catch (ContentChangeBlockedException blocked)
            {
                Flash(blocked.Message);
            }

            return Redirect(AfterAction(scope, access.Item!));
        }, ct);

    [HttpPost(BasePath + "/{id}/nhan-ban")]
    public Task<IActionResult> Clone(string id, CancellationToken ct)
        => OnItemAsync(id, ContentAction.Clone, async (scope, access) =>
        {
            if (!access.Type!.TypeSettings.Creatable || !authorizer.CanCreate(scope, access.Type, access.Item!.OrganizationId))
            {
                return Denied();
            }

            var result = await editor.CloneAsync(scope, access.Item!, ct);
            if (!result.Succeeded)
            {
                Flash(T["The copy could not be made: {0}", string.Join(" ", result.Errors.Select(e => e.Message))]);
                return Redirect(AfterAction(scope, access.Item!));
            }

            Flash(T["A copy was made as a new draft. You are editing the copy."]);
            return Redirect($"{BasePath}/{Uri.EscapeDataString(result.Item!.ContentItemId)}/sua");
        }, ct);

    [HttpGet(BasePath + "/{id}/xoa")]
    public Task<IActionResult> Delete(string id, CancellationToken ct)
        => OnItemAsync(id, ContentAction.Delete, async (scope, access) =>
        {
            if (await PublishedButMayNotUnpublishAsync(scope, access.Item!, ct))
            {
                return Denied();
            }

            return View(new DeleteConfirmView(access.Item!, access.Type!.DisplayName, await editor.HasPublishedVersionAsync(access.Item!, ct), null));
        }, ct);

    [HttpPost(BasePath + "/{id}/xoa")]
    public Task<IActionResult> DeletePost(string id, [FromForm] string? confirm, CancellationToken ct)
        => OnItemAsync(id, ContentAction.Delete, async (scope, access) =>
        {
            if (await PublishedButMayNotUnpublishAsync(scope, access.Item!, ct))
            {
                return Denied();
            }

            if (confirm != "true")
            {
                return View("Delete", new DeleteConfirmView(access.Item!, access.Type!.DisplayName,
                    await editor.HasPublishedVersionAsync(access.Item!, ct), T["Tick the box to confirm that the item should be deleted."]));
            }

            try
            {
                await contents.RemoveAsync(id, ContentEditorService.ActorOf(scope), ct);
            }
            catch (ContentChangeBlockedException blocked)
            {
                Flash(blocked.Message);
                return Redirect(AfterAction(scope, access.Item!));
            }

            Flash(T["“{0}” was deleted.", access.Item!.DisplayText]);
            return Redirect(BasePath);
        }, ct);

    /// <summary>The sanitised HTML of a Markdown or HTML body, for the editor's preview (text/html fragment).</summary>
    [HttpPost(BasePath + "/xem-truoc")]
    public async Task<IActionResult> Preview([FromForm] string? text, [FromForm] string? kind, CancellationToken ct)
    {
        var scope = Scope;

        if (!scope.Has(ContentPermissions.EditOwnContent) && !scope.Has(ContentPermissions.EditContent))
        {
            return Denied();
        }

        if (text is { Length: > PreviewLimit })
        {
            return BadRequest(T["The text is too long to preview."].Value);
        }

        return Content(editor.RenderPreview(text, kind == "html"), "text/html; charset=utf-8");
    }

    /// <summary>Items a content picker may choose: <c>[{ id, title, type }]</c>, only ones the user may see.</summary>
    [HttpGet(BasePath + "/tim")]
    public async Task<IActionResult> Search(string? q, string? types, CancellationToken ct)
    {
        var scope = Scope;

        var wanted = (types ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Take(20).ToList();
        var results = await editor.SearchAsync(scope, q, wanted, 20, ct);
        return Json(results.Select(r => new { id = r.Id, title = r.Title, type = r.Type, typeName = r.TypeName, published = r.Published }));
    }

    private async Task<(ContentFormValues Values, SubmitIntent Intent, string? PreviewKey, string? VersionId)> ReadFormAsync(CancellationToken ct)
    {
        var form = await Request.ReadFormAsync(ct);
        var values = ContentFormValues.From(form);
        var previewKey = form["_preview"].FirstOrDefault();
        var intent = !string.IsNullOrEmpty(previewKey) ? SubmitIntent.Preview
            : form["_action"].FirstOrDefault() == "publish" ? SubmitIntent.Publish
            : SubmitIntent.SaveDraft;
        return (values, intent, previewKey, form["_version"].FirstOrDefault());
    }

    private IActionResult Handle(SubmitOutcome outcome, SubmitIntent intent)
    {
        if (outcome.Forbidden)
        {
            return Denied();
        }

        if (outcome.Form is { } form)
        {
            return View("Edit", form);
        }

        var saved = outcome.Saved!;
        var message = intent == SubmitIntent.Publish ? T["“{0}” was published.", saved.DisplayText] : T["The draft of “{0}” was saved.", saved.DisplayText];
        Flash(outcome.Note is null ? message : message + " " + outcome.Note);
        return Redirect($"{BasePath}/{Uri.EscapeDataString(saved.ContentItemId)}/sua");
    }

    /// <summary>Back to the editor when the user may edit, else to the read-only view.</summary>
    /// <summary>Deleting takes a published item off the site, so it needs the right to unpublish it as well.</summary>
    private async Task<bool> PublishedButMayNotUnpublishAsync(UserScope scope, ContentItem item, CancellationToken ct)
        => !authorizer.Can(scope, ContentAction.Unpublish, item) && await editor.HasPublishedVersionAsync(item, ct);

    private string AfterAction(UserScope scope, ContentItem item)
        => $"{BasePath}/{Uri.EscapeDataString(item.ContentItemId)}" + (authorizer.Can(scope, ContentAction.Edit, item) ? "/sua" : "");

    /// <summary>Runs a create action when the type exists, is creatable and the user may create it; else 404/403.</summary>
    private async Task<IActionResult> OnCreatableAsync(string type, Func<UserScope, ContentTypeDefinition, Task<IActionResult>> work, CancellationToken ct)
    {
        var scope = Scope;

        var definition = await definitions.GetTypeDefinitionAsync(type, ct);
        if (definition is null || !definition.TypeSettings.Creatable)
        {
            return NotFound();
        }

        if (!await editor.CanCreateAsync(scope, definition, ct))
        {
            return Denied();
        }

        return await work(scope, definition);
    }

    /// <summary>Runs an item action for the signed-in user when the item is in scope and the action allowed; else 404/403.</summary>
    private async Task<IActionResult> OnItemAsync(string id, ContentAction action, Func<UserScope, ItemAccess, Task<IActionResult>> work, CancellationToken ct)
    {
        var scope = Scope;

        var access = await editor.LoadAsync(scope, id, action, ct);
        return access.Outcome == AccessOutcome.Allowed ? await work(scope, access) : Refuse(access);
    }

    private IActionResult Refuse(ItemAccess access) => access.Outcome == AccessOutcome.NotFound ? NotFound() : Denied();

    /// <summary>403 with the back office's Vietnamese page.</summary>
    private ViewResult Denied() => AccessDenied();
}
