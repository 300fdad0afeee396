using ChuyenDe.Modules.Contents;
using ChuyenDe.Modules.Fields;
using ChuyenDe.Modules.Fields.ContentPickerField;
using ChuyenDe.Modules.Fields.Editing;
using ChuyenDe.Modules.Fields.OrganizationPart;
using ChuyenDe.Modules.Fields.PublishLaterPart;
using ChuyenDe.Modules.Fields.Rendering;
using ChuyenDe.Modules.Organizations;
using ChuyenDe.Modules.Security;
using ChuyenDe.Modules.Settings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;

namespace ChuyenDe.Modules.Editors;

/// <summary>
/// The generated editors' logic: who may do what with which item, turning the form into the item and back, saving
/// through the content manager. Controllers stay thin.
/// </summary>
public sealed class ContentEditorService(
    IContentManager contents,
    IContentDefinitionManager definitions,
    IOrganizationService organizations,
    IContentPickerSearch pickerSearch,
    ISiteSettingsService settings,
    IContentAuthorizer authorizer,
    IContentHtmlRenderer renderer,
    ContentFormBinder binder,
    UserDisplayNames userNames,
    IStringLocalizer<EditorsResources> T,
    ILogger<ContentEditorService> logger,
    TimeProvider clock)
{
    /// <summary>
    /// Limits a query of latest versions to what the user may see: items of their organisation and below (and items of
    /// no organisation for Department users), only their own when they may not preview others' drafts.
    /// </summary>
    public static ContentQuery InScope(ContentQuery query, UserScope scope) => query.InScope(scope);

    /// <summary>Whether the user may see any item in the back office at all.</summary>
    public static bool SeesContent(UserScope scope) => scope.Has(ContentPermissions.PreviewContent) || scope.Has(ContentPermissions.ViewOwnContent);

    /// <summary>
    /// The latest version of an item if the user may do <paramref name="action"/> with it; NotFound when it does not
    /// exist, is outside the user's scope or invisible to them; Forbidden when they see it but may not do this.
    /// </summary>
    public async Task<ItemAccess> LoadAsync(UserScope scope, string id, ContentAction action, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(id) || id.Length > 64)
        {
            return ItemAccess.NotFound;
        }

        var item = await contents.GetAsync(id, VersionOptions.Latest, ct);
        var type = item is null ? null : await definitions.GetTypeDefinitionAsync(item.ContentType, ct);
        if (item is null || type is null || !scope.InScope(item.OrganizationId) || !authorizer.Can(scope, ContentAction.View, item))
        {
            return ItemAccess.NotFound;
        }

        return authorizer.Can(scope, action, item) ? new ItemAccess(AccessOutcome.Allowed, item, type) : new ItemAccess(AccessOutcome.Forbidden, item, type);
    }

    public async Task<bool> HasPublishedVersionAsync(ContentItem latest, CancellationToken ct = default)
        => latest.Published || await contents.GetAsync(latest.ContentItemId, VersionOptions.Published, ct) is not null;

    /// <summary>The organisations in the user's scope (active ones, plus the item's current one), in tree order.</summary>
    public async Task<ItemOrganizationChoices> OrganizationChoicesAsync(UserScope scope, ContentItem? existing, CancellationToken ct = default)
        => ItemOrganizationChoices.For(scope, await organizations.ListAsync(ct), existing);

    /// <summary>The types the user may create for at least one organisation (types without one: Department level only).</summary>
    public async Task<IReadOnlyList<ContentTypeDefinition>> CreatableTypesAsync(UserScope scope, CancellationToken ct = default)
    {
        var result = new List<ContentTypeDefinition>();
        var choices = await OrganizationChoicesAsync(scope, null, ct);
        foreach (var type in await definitions.ListTypeDefinitionsAsync(ct))
        {
            if (type.TypeSettings.Creatable && CanCreateSomewhere(scope, type, choices))
            {
                result.Add(type);
            }
        }

        return result;
    }

    public async Task<bool> CanCreateAsync(UserScope scope, ContentTypeDefinition type, CancellationToken ct = default)
        => type.TypeSettings.Creatable && CanCreateSomewhere(scope, type, await OrganizationChoicesAsync(scope, null, ct));

    private bool CanCreateSomewhere(UserScope scope, ContentTypeDefinition type, ItemOrganizationChoices choices)
        => ItemOrganization.PartOf(type) is not null
            ? choices.Options.Any(o => authorizer.CanCreate(scope, type, o.Id)) || (choices.NoneAllowed && authorizer.CanCreate(scope, type, null))
            : authorizer.CanCreate(scope, type, null);

    /// <summary>A new item of the type with the user's organisation (or the first they may use) chosen.</summary>
    public async Task<ContentItem> NewItemAsync(UserScope scope, ContentTypeDefinition type, CancellationToken ct = default)
    {
        var item = await contents.NewAsync(type.Name, ct);
        item.Owner = scope.UserId;
        if (ItemOrganization.PartOf(type) is { } part)
        {
            var choices = await OrganizationChoicesAsync(scope, null, ct);
            var chosen = choices.Options.FirstOrDefault(o => o.Id == scope.OrganizationId && authorizer.CanCreate(scope, type, o.Id))
                         ?? choices.Options.FirstOrDefault(o => authorizer.CanCreate(scope, type, o.Id));
            if (chosen is not null)
            {
                ItemOrganization.Set(item, part, chosen.Id);
            }
        }

        return item;
    }

    /// <summary>The create or edit page of an item (new when <paramref name="existing"/> is null).</summary>
    public async Task<ContentEditorView> BuildAsync(UserScope scope, ContentTypeDefinition type, ContentItem? existing, ContentItem shown,
        ContentFormValues? values = null, IReadOnlyList<ContentValidationError>? errors = null, string? notice = null,
        BodyPreview? preview = null, string? versionId = null, CancellationToken ct = default)
    {
        var site = await settings.GetAsync(ct);
        values ??= binder.Read(type, shown, site.TimeZone);
        var hasPublished = existing is not null && await HasPublishedVersionAsync(existing, ct);

        // Rights are judged on the stored item; for a new one, on the item as it would be created (owned by the user).
        var judged = existing ?? shown;
        var canEdit = existing is null || authorizer.Can(scope, ContentAction.Edit, judged);
        var canPublish = canEdit && authorizer.Can(scope, ContentAction.Publish, judged);
        var actions = existing is null
            ? new EditorActions(true, true, canPublish, false, false, false, false)
            : new EditorActions(canEdit, canEdit, canPublish,
                hasPublished && authorizer.Can(scope, ContentAction.Unpublish, existing),
                hasPublished && !existing.Published && canEdit,
                authorizer.Can(scope, ContentAction.Clone, existing) && authorizer.CanCreate(scope, type, existing.OrganizationId),
                authorizer.Can(scope, ContentAction.Delete, existing) && (!hasPublished || authorizer.Can(scope, ContentAction.Unpublish, existing)))
            { History = authorizer.Can(scope, ContentAction.ViewHistory, existing) };

        var editors = await binder.BuildEditorsAsync(type, new EditorContext(scope, values, site) { Existing = existing, CanPublish = canPublish }, ct);
        var organizationId = existing?.OrganizationId;
        var organization = organizationId is null ? null : await organizations.GetAsync(organizationId, ct);
        return new ContentEditorView
        {
            Type = type,
            Values = values,
            Editors = editors,
            Actions = actions,
            FormAction = existing is null ? "/admin/noi-dung/tao/" + Uri.EscapeDataString(type.Name) : "/admin/noi-dung/" + Uri.EscapeDataString(existing.ContentItemId) + "/sua",
            Latest = existing,
            HasPublishedVersion = hasPublished,
            PublicUrl = hasPublished && existing is not null ? await PublicUrlAsync(existing.ContentItemId, ct) : null,
            VersionId = versionId ?? existing?.ContentItemVersionId,
            OrganizationName = organization?.Name ?? organizationId,
            AuthorName = existing is null ? null : (await userNames.GetAsync([existing.Author], ct)).GetValueOrDefault(existing.Author, existing.Author),
            ModifiedLocal = existing?.ModifiedUtc is { } m ? site.ToLocal(m) : null,
            ScheduledLocal = existing is not null && ItemSchedule.ScheduledUtc(existing) is { } scheduled ? site.ToLocal(scheduled) : null,
            Errors = errors ?? [],
            Notice = notice,
            Preview = preview,
        };
    }

    /// <summary>The published version's address on the site, or null when it has none.</summary>
    private async Task<string?> PublicUrlAsync(string contentItemId, CancellationToken ct)
        => await contents.GetAsync(contentItemId, VersionOptions.Published, ct) is { } published
           && ContentDisplayBuilder.ItemUrl(published) is not "/" and var url
            ? url
            : null;

    /// <summary>Items a content picker may offer: the latest versions the user may see, then published items of any unit.</summary>
    public Task<IReadOnlyList<PickerResult>> SearchAsync(UserScope scope, string? text, IReadOnlyCollection<string> types, int limit, CancellationToken ct = default)
        => pickerSearch.SearchAsync(scope, text, types, limit, ct);

    /// <summary>Renders a body for the preview: Markdown, or HTML, always sanitised.</summary>
    public string RenderPreview(string? text, bool html) => html ? renderer.SanitizeHtml(text) : renderer.RenderMarkdown(text);

    /// <summary>
    /// Applies a posted form to a new item (<paramref name="existing"/> null) or to the latest version and saves it as a
    /// draft or publishes it. Anything wrong comes back as the form with every value as typed and the messages.
    /// </summary>
    public async Task<SubmitOutcome> SubmitAsync(UserScope scope, ContentTypeDefinition type, ContentItem? existing, ContentFormValues values,
        SubmitIntent intent, string? previewKey, string? postedVersionId, CancellationToken ct = default)
    {
        var site = await settings.GetAsync(ct);
        var item = existing?.Clone() ?? await contents.NewAsync(type.Name, ct);
        if (existing is null)
        {
            item.Owner = scope.UserId;
        }

        var errors = new List<ContentValidationError>();

        // The organisation: forced when the user has only one, else it must be one the user may choose. Never trusted as posted.
        var bindOrganization = true;
        if (ItemOrganization.PartOf(type) is { } organizationPart)
        {
            var key = ItemOrganization.Key(organizationPart);
            var choices = await OrganizationChoicesAsync(scope, existing, ct);
            if (choices.Fixed is { } forced)
            {
                values.Set(key, forced);
            }

            var posted = values.Get(key).Trim();
            var allowed = posted.Length == 0
                ? choices.NoneAllowed
                : choices.Options.Any(o => o.Id == posted) && (existing is not null || authorizer.CanCreate(scope, type, posted));
            if (!allowed)
            {
                bindOrganization = false;
                errors.Add(ItemOrganization.Error(organizationPart, posted.Length == 0
                    ? T["Please choose the organisation."]
                    : T["You cannot choose this organisation. Choose one of the listed units."]));
            }
            else
            {
                ItemOrganization.Set(item, organizationPart, posted);
            }
        }

        if (existing is null && bindOrganization && !authorizer.CanCreate(scope, type, item.OrganizationId))
        {
            return new SubmitOutcome(null, null, Forbidden: true);
        }

        if (existing is not null && !authorizer.Can(scope, ContentAction.Edit, item))
        {
            return new SubmitOutcome(null, null, Forbidden: true);
        }

        // Whether the user may publish is judged with an organisation they may use, even when the posted one was refused.
        var judged = item;
        if (!bindOrganization && existing is null)
        {
            judged = await NewItemAsync(scope, type, ct);
        }

        var canPublish = authorizer.Can(scope, ContentAction.Publish, judged) && (existing is null || authorizer.Can(scope, ContentAction.Publish, existing));
        if (intent == SubmitIntent.Publish && !canPublish)
        {
            return new SubmitOutcome(null, null, Forbidden: true);
        }

        errors.AddRange(binder.Apply(type, values, item, new ContentBindOptions(site.TimeZone)
        {
            BindSchedule = canPublish,
            BindOrganization = false,
            UserName = scope.UserName,
            UtcNow = clock.GetUtcNow().UtcDateTime,
        }));

        // A draft saved by someone who may not publish must not be published by the scheduler later.
        string? note = null;
        if (!canPublish && ItemSchedule.Unschedule(type, item, values))
        {
            note = T["The scheduled publishing time was removed because the content changed; a curator can schedule it again."];
        }

        if (intent == SubmitIntent.Preview)
        {
            var preview = binder.Preview(type, values, previewKey);
            return new SubmitOutcome(null, await BuildAsync(scope, type, existing, item, values, errors, null, preview, postedVersionId, ct));
        }

        if (existing is not null && !string.IsNullOrEmpty(postedVersionId) && postedVersionId != existing.ContentItemVersionId)
        {
            return new SubmitOutcome(null, await BuildAsync(scope, type, existing, item, values, errors,
                T["Someone saved this item after you opened it. Your changes are kept below: check them and save again to replace that version."],
                versionId: existing.ContentItemVersionId, ct: ct));
        }

        errors.AddRange(await binder.CheckReferencesAsync(type, existing, values, scope, ct));
        if (errors.Count > 0)
        {
            var engine = await contents.ValidateAsync(item.Clone(), ct);
            var all = errors.Concat(engine.Where(e => errors.All(x => x.Key != e.Key))).ToList();
            return new SubmitOutcome(null, await BuildAsync(scope, type, existing, item, values, all, null, null, postedVersionId, ct));
        }

        var actor = new ContentActor(scope.UserId, scope.UserName);
        ContentResult result;
        try
        {
            result = intent == SubmitIntent.Publish ? await contents.PublishAsync(item, actor, ct) : await contents.SaveDraftAsync(item, actor, ct);
        }
        catch (Exception ex) when (ex is ContentOperationException or DbUpdateException)
        {
            logger.LogWarning(ex, "Saving {ContentItemId} failed", item.ContentItemId);
            result = new ContentResult(null, [new ContentValidationError("", null, T["The item could not be saved. Please try again in a moment."])]);
        }

        if (!result.Succeeded)
        {
            return new SubmitOutcome(null, await BuildAsync(scope, type, existing, item, values, result.Errors, null, null, postedVersionId, ct));
        }

        return new SubmitOutcome(result.Item, null, Note: note);
    }

    /// <summary>A copy of the item as a new draft owned by the user; a copied publishing time is dropped.</summary>
    public async Task<ContentResult> CloneAsync(UserScope scope, ContentItem source, CancellationToken ct = default)
    {
        var actor = new ContentActor(scope.UserId, scope.UserName);
        var result = await contents.CloneAsync(source.ContentItemId, actor, ct);
        if (result.Succeeded && ItemSchedule.IsScheduled(result.Item!))
        {
            // The engine copies the publishing time; a copy must not be published by the scheduler unasked.
            var copy = result.Item!.Clone();
            ItemSchedule.Unschedule(copy);
            result = await contents.SaveDraftAsync(copy, actor, ct);
        }

        return result;
    }

    public static ContentActor ActorOf(UserScope scope) => new(scope.UserId, scope.UserName);
}
