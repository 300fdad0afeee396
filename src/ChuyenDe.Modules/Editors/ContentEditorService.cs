using System.Globalization;
using ChuyenDe.Modules.Contents;
using ChuyenDe.Modules.Fields.Rendering;
using ChuyenDe.Modules.Media;
using ChuyenDe.Modules.Organizations;
using ChuyenDe.Modules.Security;
using ChuyenDe.Modules.Settings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;

namespace ChuyenDe.Modules.Editors;

public enum AccessOutcome
{
    Allowed,

    /// <summary>The item does not exist or is outside the user's scope: answered 404 so that existence does not leak.</summary>
    NotFound,

    /// <summary>The user sees the item but may not do this: 403.</summary>
    Forbidden,
}

public sealed record ItemAccess(AccessOutcome Outcome, ContentItem? Item = null, ContentTypeDefinition? Type = null)
{
    public static readonly ItemAccess NotFound = new(AccessOutcome.NotFound);
}

public enum SubmitIntent
{
    SaveDraft,
    Publish,
    Preview,
}

/// <summary>The result of a posted form: saved, refused, or the form to show again with messages.</summary>
public sealed record SubmitOutcome(ContentItem? Saved, ContentEditorView? Form, bool Forbidden = false, string? Note = null);

/// <summary>A content picker's search result.</summary>
public sealed record PickerResult(string Id, string Title, string Type, string TypeName, bool Published);

/// <summary>The organisations a user may give an item, in tree order.</summary>
public sealed record OrganizationChoice(IReadOnlyList<Organization> Options, bool NoneAllowed)
{
    /// <summary>The only possible organisation (a school contributor's school), forced on the server.</summary>
    public string? Fixed => Options.Count == 1 && !NoneAllowed ? Options[0].Id : null;
}

/// <summary>
/// The generated editors' logic: who may do what with which item, turning the form into the item and back, saving
/// through the content manager. Controllers stay thin.
/// </summary>
public sealed class ContentEditorService(
    IContentManager contents,
    IContentDefinitionManager definitions,
    IContentQueryService queries,
    ITaxonomyService taxonomies,
    IOrganizationService organizations,
    IMediaFileAccess mediaFiles,
    IMediaUsage mediaUsage,
    ISiteSettingsService settings,
    IContentAuthorizer authorizer,
    IContentHtmlRenderer renderer,
    ContentFormBinder binder,
    UserDisplayNames userNames,
    IStringLocalizer<EditorsResources> T,
    ILogger<ContentEditorService> logger,
    TimeProvider clock)
{
    private static readonly HashSet<string> ImageExtensions = new(StringComparer.OrdinalIgnoreCase) { ".jpg", ".jpeg", ".png", ".webp", ".gif" };

    /// <summary>
    /// Limits a query of latest versions to what the user may see: items of their organisation and below (and items of
    /// no organisation for Department users), only their own when they may not preview others' drafts.
    /// </summary>
    public static ContentQuery InScope(ContentQuery query, UserScope scope)
    {
        if (scope.IsAdministrator)
        {
            return query;
        }

        query = query with
        {
            OrganizationIds = scope.OrganizationIds.ToList(),
            IncludeWithoutOrganization = scope.SeesUnassigned,
        };
        return scope.Has(ContentPermissions.PreviewContent) ? query : query with { Owner = scope.UserId };
    }

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
    public async Task<OrganizationChoice> OrganizationChoicesAsync(UserScope scope, ContentItem? existing, CancellationToken ct = default)
    {
        var all = await organizations.ListAsync(ct);
        var current = existing?.OrganizationId;
        var options = TreeOrder(all)
            .Where(o => (o.Active || o.Id == current) && (scope.IsAdministrator || scope.OrganizationIds.Contains(o.Id)))
            .ToList();
        if (current is not null && options.All(o => o.Id != current) && scope.InScope(current))
        {
            options.Add(new Organization { Id = current, Name = current });
        }

        // Only administrators create items without an organisation; an item that already has none keeps it for those who see it.
        var noneAllowed = scope.IsAdministrator || (existing is not null && current is null && scope.SeesUnassigned);
        return new OrganizationChoice(options, noneAllowed);
    }

    private static List<Organization> TreeOrder(IReadOnlyList<Organization> all)
    {
        var byParent = all.ToLookup(o => o.ParentId is { } p && all.Any(x => x.Id == p) ? p : "");
        var ordered = new List<Organization>();
        void Visit(string parent, int guard)
        {
            foreach (var child in byParent[parent].OrderBy(o => o.Kind).ThenBy(o => o.Name, StringComparer.Create(CultureInfo.GetCultureInfo("vi-VN"), false)))
            {
                if (ordered.Contains(child) || guard > 16)
                {
                    continue;
                }

                ordered.Add(child);
                Visit(child.Id, guard + 1);
            }
        }

        Visit("", 0);
        ordered.AddRange(all.Where(o => !ordered.Contains(o)));
        return ordered;
    }

    public static int Depth(Organization organization, IReadOnlyList<Organization> all)
    {
        var depth = 0;
        var current = organization;
        while (current.ParentId is { } parent && all.FirstOrDefault(o => o.Id == parent) is { } next && depth < 8)
        {
            depth++;
            current = next;
        }

        return depth;
    }

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

    private bool CanCreateSomewhere(UserScope scope, ContentTypeDefinition type, OrganizationChoice choices)
        => type.HasPart(ContentKinds.OrganizationPart)
            ? choices.Options.Any(o => authorizer.CanCreate(scope, type, o.Id)) || (choices.NoneAllowed && authorizer.CanCreate(scope, type, null))
            : authorizer.CanCreate(scope, type, null);

    /// <summary>A new item of the type with the user's organisation (or the first they may use) chosen.</summary>
    public async Task<ContentItem> NewItemAsync(UserScope scope, ContentTypeDefinition type, CancellationToken ct = default)
    {
        var item = await contents.NewAsync(type.Name, ct);
        item.Owner = scope.UserId;
        if (type.Parts.FirstOrDefault(p => p.PartName == ContentKinds.OrganizationPart) is { } part)
        {
            var choices = await OrganizationChoicesAsync(scope, null, ct);
            var chosen = choices.Options.FirstOrDefault(o => o.Id == scope.OrganizationId && authorizer.CanCreate(scope, type, o.Id))
                         ?? choices.Options.FirstOrDefault(o => authorizer.CanCreate(scope, type, o.Id));
            if (chosen is not null)
            {
                item.GetOrCreatePart(part.Name)["OrganizationId"] = chosen.Id;
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

        var editors = await BuildEditorsAsync(scope, type, existing, values, canPublish, site, ct);
        var organizationId = existing?.OrganizationId;
        var organization = organizationId is null ? null : await organizations.GetAsync(organizationId, ct);
        var scheduled = existing is null ? null : ContentValidator.Text(existing.Part(ContentKinds.PublishLaterPart)?["ScheduledPublishUtc"]);
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
            ScheduledLocal = scheduled is not null && ContentJson.TryParseDate(scheduled, out var s) ? site.ToLocal(s) : null,
            Errors = errors ?? [],
            Notice = notice,
            Preview = preview,
        };
    }

    private async Task<string?> PublicUrlAsync(string contentItemId, CancellationToken ct)
        => await contents.GetAsync(contentItemId, VersionOptions.Published, ct) is { } published
           && ContentValidator.Text(published.Part(ContentKinds.AutoroutePart)?["Path"]) is { Length: > 0 } path
            ? "/" + path
            : null;

    private async Task<List<FieldEditorView>> BuildEditorsAsync(UserScope scope, ContentTypeDefinition type, ContentItem? existing,
        ContentFormValues values, bool canPublish, SiteSettings site, CancellationToken ct)
    {
        var editors = new List<FieldEditorView>();
        IReadOnlyList<MediaChoice>? choosable = null;
        foreach (var part in type.Parts)
        {
            var label = binder.PartLabel(part);
            switch (part.PartName)
            {
                case ContentKinds.TitlePart:
                    editors.Add(new FieldEditorView(FormKeys.For(part.Name, "Title"), part.PartName, label) { Required = true });
                    break;
                case ContentKinds.AutoroutePart:
                {
                    var key = FormKeys.For(part.Name, "Path");
                    var custom = ContentFormBinder.AllowsCustomPath(part);
                    editors.Add(new FieldEditorView(key, part.PartName, label)
                    {
                        Hint = custom
                            ? T["The address of the item on the site, e.g. sang-kien/gio-an-tu-phuc-vu. Leave it empty and it is made from the title."]
                            : T["The address is made from the title when the item is saved."],
                        Fixed = !custom,
                        FixedText = existing is null ? null : ContentValidator.Text(existing.Part(part.Name)?["Path"]),
                    });
                    break;
                }

                case ContentKinds.MarkdownBodyPart:
                    editors.Add(new FieldEditorView(FormKeys.For(part.Name, "Markdown"), part.PartName, label)
                    {
                        Hint = T["Written in Markdown: ## for a heading, **bold**, - for a list item, [text](https://…) for a link. Use Preview to see the result."],
                    });
                    break;
                case ContentKinds.HtmlBodyPart:
                    editors.Add(new FieldEditorView(FormKeys.For(part.Name, "Html"), part.PartName, label)
                    {
                        Hint = T["HTML. Scripts, styles and event attributes are removed when the page is shown. Use Preview to see the result."],
                    });
                    break;
                case ContentKinds.PublishLaterPart:
                {
                    var key = FormKeys.For(part.Name, "ScheduledPublishUtc");
                    editors.Add(new FieldEditorView(key, part.PartName, label)
                    {
                        Hint = canPublish
                            ? T["Date and time (Vietnam time) at which the saved draft is published by itself. Leave it empty to publish by hand."]
                            : T["Only a user who may publish can schedule publishing."],
                        Fixed = !canPublish,
                        FixedText = DateTime.TryParseExact(values.Get(key), ContentFormBinder.DateTimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
                            ? local.ToString("HH:mm dd/MM/yyyy", CultureInfo.InvariantCulture)
                            : null,
                    });
                    break;
                }

                case ContentKinds.OrganizationPart:
                {
                    var key = FormKeys.For(part.Name, "OrganizationId");
                    var choices = await OrganizationChoicesAsync(scope, existing, ct);
                    var all = await organizations.ListAsync(ct);
                    var top = choices.Options.Count == 0 ? 0 : choices.Options.Min(o => Depth(o, all));
                    var options = choices.Options.Select(o => new EditorOption(o.Id, o.Name, Depth(o, all) - top)).ToList();
                    if (choices.NoneAllowed)
                    {
                        options.Insert(0, new EditorOption("", T["(No organisation)"]));
                    }

                    var fixedId = choices.Fixed;
                    editors.Add(new FieldEditorView(key, part.PartName, label)
                    {
                        Required = !choices.NoneAllowed,
                        Options = options,
                        Fixed = fixedId is not null,
                        FixedText = fixedId is null ? null : choices.Options[0].Name,
                        Hint = fixedId is null ? T["The unit the item belongs to. It decides who may review and edit it."] : T["Items you write belong to your unit."],
                    });
                    break;
                }

                case ContentKinds.ConsentPart:
                {
                    // Who confirmed and when, as stored; shown while the box stays ticked.
                    var key = FormKeys.For(part.Name, "Confirmed");
                    var stored = existing?.Part(part.Name);
                    string? confirmedText = null;
                    if (values.Get(key) == "true" && ContentFormBinder.IsConfirmed(stored))
                    {
                        var by = ContentValidator.Text(stored!["ConfirmedBy"]);
                        var when = ContentValidator.Text(stored["ConfirmedUtc"]) is { } text && ContentJson.TryParseDate(text, out var utc)
                            ? site.ToLocal(utc).ToString("HH:mm dd/MM/yyyy", CultureInfo.InvariantCulture)
                            : null;
                        confirmedText = (by, when) switch
                        {
                            ({ Length: > 0 }, not null) => T["Confirmed by {0} at {1}.", by, when].Value,
                            ({ Length: > 0 }, null) => T["Confirmed by {0}.", by].Value,
                            _ => null,
                        };
                    }

                    editors.Add(new FieldEditorView(key, part.PartName,
                        T["I confirm that the school has the consent of the children's parents to publish the photos showing the children on the public site."])
                    {
                        Hint = site.RequireParentalConsent ? T["Needed before an item with photos is published."].Value : null,
                        FixedText = confirmedText,
                    });
                    break;
                }

                case ContentKinds.TaxonomyPart:
                {
                    var terms = existing is null ? null : await taxonomies.GetTaxonomyAsync(existing.ContentItemId, ct);
                    editors.Add(new FieldEditorView(part.Name + ".Terms", part.PartName, label)
                    {
                        Fixed = true,
                        Options = terms?.Terms.Select(t => new EditorOption(t.ContentItemId, t.Title, t.Depth)).ToList() ?? [],
                        Hint = T["The terms are kept as they are; they are changed through a recipe."],
                    });
                    break;
                }
            }

            foreach (var field in part.PartDefinition.Fields)
            {
                if (!ContentKinds.Fields.Contains(field.FieldName))
                {
                    continue;
                }

                var key = FormKeys.For(part.Name, field.Name);
                var settingsOfKind = field.KindSettings;
                var editor = new FieldEditorView(key, field.FieldName, field.DisplayName)
                {
                    Hint = field.Hint,
                    Required = settingsOfKind.Required,
                    Editor = field.Editor,
                    Settings = settingsOfKind,
                };
                switch (field.FieldName)
                {
                    case ContentKinds.TextField when field.PredefinedOptions is { Count: > 0 } predefined:
                        editor = editor with { Options = predefined.Select(o => new EditorOption(o.Value, o.Name)).ToList() };
                        break;
                    case ContentKinds.NumericField:
                        editor = editor with
                        {
                            Minimum = settingsOfKind.Minimum?.ToString(CultureInfo.InvariantCulture),
                            Maximum = settingsOfKind.Maximum?.ToString(CultureInfo.InvariantCulture),
                            Step = settingsOfKind.Scale > 0
                                ? (1m / (decimal)Math.Pow(10, Math.Min(settingsOfKind.Scale, 10))).ToString(CultureInfo.InvariantCulture)
                                : "1",
                        };
                        break;
                    case ContentKinds.BooleanField:
                        editor = editor with { Label = settingsOfKind.Label is { Length: > 0 } checkLabel ? checkLabel : field.DisplayName };
                        break;
                    case ContentKinds.TaxonomyField:
                    {
                        var taxonomy = settingsOfKind.TaxonomyContentItemId is { } taxonomyId ? await taxonomies.GetTaxonomyAsync(taxonomyId, ct) : null;
                        var options = taxonomy?.Terms.Select(t => new EditorOption(t.ContentItemId, t.Title, t.Depth)).ToList() ?? [];
                        foreach (var chosen in values.GetAll(key).Where(v => v.Length > 0 && options.All(o => o.Value != v)))
                        {
                            options.Add(new EditorOption(chosen, chosen) { Note = T["not in the taxonomy"] });
                        }

                        editor = editor with { Options = options, Multiple = !settingsOfKind.Unique };
                        break;
                    }

                    case ContentKinds.MediaField:
                    {
                        // Only files of the user's organisations (administrators: also the recipes' files).
                        choosable ??= await mediaFiles.ListChoosableAsync(scope, ct);
                        var chosenPaths = values.GetAll(key);
                        var names = choosable.ToDictionary(c => c.Path, c => c.Name, StringComparer.Ordinal);
                        foreach (var (path, name) in await mediaUsage.GetOriginalNamesAsync(chosenPaths.Where(p => p.Length > 0 && !names.ContainsKey(p)).ToHashSet(StringComparer.Ordinal), ct))
                        {
                            names[path] = name;
                        }

                        editor = editor with { Options = MediaOptions(settingsOfKind, chosenPaths, choosable.Select(c => c.Path).ToList(), names), Multiple = settingsOfKind.Multiple };
                        break;
                    }

                    case ContentKinds.ContentPickerField:
                    {
                        var types = await PickerTypesAsync(settingsOfKind, ct);
                        editor = editor with
                        {
                            Options = await PickerOptionsAsync(scope, types, values.GetAll(key), ct),
                            Multiple = settingsOfKind.Multiple,
                            PickerTypes = string.Join(',', types),
                        };
                        break;
                    }
                }

                editors.Add(editor);
            }
        }

        return editors;
    }

    private List<EditorOption> MediaOptions(FieldSettings settingsOfKind, IReadOnlyList<string> chosen, IReadOnlyList<string> files, IReadOnlyDictionary<string, string> names)
    {
        EditorOption MediaOption(string path) => ContentEditorService.MediaOption(path, names);
        bool Allowed(string path) => settingsOfKind.AllowedExtensions is not { Length: > 0 } allowed
                                     || allowed.Contains(Path.GetExtension(path), StringComparer.OrdinalIgnoreCase);
        var available = new HashSet<string>(files, StringComparer.Ordinal);
        var options = new List<EditorOption>();
        foreach (var path in chosen.Where(p => p.Length > 0).Distinct(StringComparer.Ordinal))
        {
            options.Add(MediaOption(path) with { Note = available.Contains(path) ? null : T["not in your organisation's media library"].Value });
        }

        options.AddRange(files.Where(f => Allowed(f) && !chosen.Contains(f, StringComparer.Ordinal)).Select(MediaOption));
        return options;
    }

    /// <summary>A library file shown by the name it was uploaded under (else its stored file name); the value stays its path.</summary>
    private static EditorOption MediaOption(string path, IReadOnlyDictionary<string, string> names)
        => new(path, names.TryGetValue(path, out var name) && name.Length > 0 ? name : Path.GetFileName(path))
        {
            ImageUrl = ImageExtensions.Contains(Path.GetExtension(path)) && ContentValidator.IsSafeMediaPath(path) ? MediaUrl(path) : null,
        };

    private async Task<IReadOnlyList<string>> PickerTypesAsync(FieldSettings settingsOfKind, CancellationToken ct)
    {
        var all = await definitions.ListTypeDefinitionsAsync(ct);
        if (!settingsOfKind.DisplayAllContentTypes && settingsOfKind.DisplayedContentTypes is { Length: > 0 } shown)
        {
            return shown.Where(t => all.Any(d => d.Name == t)).ToList();
        }

        return all.Where(t => t.TypeSettings.Listable).Select(t => t.Name).ToList();
    }

    private async Task<List<EditorOption>> PickerOptionsAsync(UserScope scope, IReadOnlyList<string> types, IReadOnlyList<string> chosen, CancellationToken ct)
    {
        var options = new List<EditorOption>();
        foreach (var id in chosen.Where(c => c.Length > 0).Distinct(StringComparer.Ordinal))
        {
            var visible = await VisibleItemAsync(scope, id, ct);
            options.Add(visible is null
                ? new EditorOption(id, T["(an item you cannot see)"])
                : new EditorOption(id, visible.DisplayText) { Note = await TypeNameAsync(visible.ContentType, ct) });
        }

        foreach (var result in await SearchAsync(scope, null, types, 15, ct))
        {
            if (options.All(o => o.Value != result.Id))
            {
                options.Add(new EditorOption(result.Id, result.Title) { Note = result.TypeName });
            }
        }

        return options;
    }

    private async Task<string> TypeNameAsync(string type, CancellationToken ct)
        => (await definitions.GetTypeDefinitionAsync(type, ct))?.DisplayName ?? type;

    /// <summary>An item the user may refer to: its latest version when in their scope, else its published version.</summary>
    private async Task<ContentItem?> VisibleItemAsync(UserScope scope, string id, CancellationToken ct)
    {
        if (id.Length > 64)
        {
            return null;
        }

        var latest = await contents.GetAsync(id, VersionOptions.Latest, ct);
        if (latest is not null && authorizer.Can(scope, ContentAction.View, latest))
        {
            return latest;
        }

        return await contents.GetAsync(id, VersionOptions.Published, ct);
    }

    /// <summary>Items a content picker may offer: the latest versions the user may see, then published items of any unit.</summary>
    public async Task<IReadOnlyList<PickerResult>> SearchAsync(UserScope scope, string? text, IReadOnlyCollection<string> types, int limit, CancellationToken ct = default)
    {
        var definitionsByName = (await definitions.ListTypeDefinitionsAsync(ct)).ToDictionary(t => t.Name, StringComparer.Ordinal);
        var wanted = types.Where(definitionsByName.ContainsKey).Distinct().ToList();
        if (wanted.Count == 0)
        {
            wanted = definitionsByName.Values.Where(t => t.TypeSettings.Listable).Select(t => t.Name).ToList();
        }

        limit = Math.Clamp(limit, 1, 50);
        var title = string.IsNullOrWhiteSpace(text) ? null : text.Trim()[..Math.Min(text.Trim().Length, 200)];
        var latest = await queries.QueryAsync(InScope(new ContentQuery
        {
            LatestInsteadOfPublished = true,
            ContentTypes = wanted,
            TitleContains = title,
            Order = ContentOrder.ModifiedNewest,
            PageSize = limit,
        }, scope), ct);
        var published = await queries.QueryAsync(new ContentQuery
        {
            ContentTypes = wanted,
            TitleContains = title,
            Order = ContentOrder.PublishedNewest,
            PageSize = limit,
        }, ct);

        var results = new List<PickerResult>();
        foreach (var item in latest.Items.Where(i => authorizer.Can(scope, ContentAction.View, i)).Concat(published.Items))
        {
            if (results.Count < limit && results.All(r => r.Id != item.ContentItemId))
            {
                results.Add(new PickerResult(item.ContentItemId, item.DisplayText, item.ContentType,
                    definitionsByName.GetValueOrDefault(item.ContentType)?.DisplayName ?? item.ContentType, item.Published));
            }
        }

        return results;
    }

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
        if (type.Parts.FirstOrDefault(p => p.PartName == ContentKinds.OrganizationPart) is { } organizationPart)
        {
            var key = FormKeys.For(organizationPart.Name, "OrganizationId");
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
                errors.Add(new(organizationPart.Name, "OrganizationId", posted.Length == 0
                    ? T["Please choose the organisation."]
                    : T["You cannot choose this organisation. Choose one of the listed units."]));
            }
            else if (posted.Length == 0)
            {
                item.GetOrCreatePart(organizationPart.Name).Remove("OrganizationId");
            }
            else
            {
                item.GetOrCreatePart(organizationPart.Name)["OrganizationId"] = posted;
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
        foreach (var part in type.Parts.Where(p => p.PartName == ContentKinds.PublishLaterPart))
        {
            if (!canPublish && item.Part(part.Name) is { } publishLater && publishLater["ScheduledPublishUtc"] is not null)
            {
                publishLater.Remove("ScheduledPublishUtc");
                values.Remove(FormKeys.For(part.Name, "ScheduledPublishUtc"));
                note = T["The scheduled publishing time was removed because the content changed; a curator can schedule it again."];
            }
        }

        if (intent == SubmitIntent.Preview)
        {
            var previewPart = type.Parts.FirstOrDefault(p => FormKeys.PartValueKey(p) == previewKey
                && p.PartName is ContentKinds.MarkdownBodyPart or ContentKinds.HtmlBodyPart);
            var preview = previewPart is null
                ? null
                : new BodyPreview(previewKey!, RenderPreview(values.Get(previewKey!), previewPart.PartName == ContentKinds.HtmlBodyPart));
            return new SubmitOutcome(null, await BuildAsync(scope, type, existing, item, values, errors, null, preview, postedVersionId, ct));
        }

        if (existing is not null && !string.IsNullOrEmpty(postedVersionId) && postedVersionId != existing.ContentItemVersionId)
        {
            return new SubmitOutcome(null, await BuildAsync(scope, type, existing, item, values, errors,
                T["Someone saved this item after you opened it. Your changes are kept below: check them and save again to replace that version."],
                versionId: existing.ContentItemVersionId, ct: ct));
        }

        errors.AddRange(await CheckReferencesAsync(scope, type, existing, values, ct));
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

    /// <summary>
    /// Content picked and files chosen must be ones the user may see; values already on the item are kept as they are
    /// (a file removed from the library later must not block saving).
    /// </summary>
    private async Task<List<ContentValidationError>> CheckReferencesAsync(UserScope scope, ContentTypeDefinition type, ContentItem? existing,
        ContentFormValues values, CancellationToken ct)
    {
        var errors = new List<ContentValidationError>();
        foreach (var (part, field) in type.AllFields())
        {
            var key = FormKeys.For(part.Name, field.Name);
            var stored = existing?.Field(part.Name, field.Name);
            switch (field.FieldName)
            {
                case ContentKinds.ContentPickerField:
                {
                    var before = ContentValidator.Strings(stored?["ContentItemIds"]);
                    foreach (var id in values.GetAll(key).Select(v => v.Trim()).Where(v => v.Length > 0 && !before.Contains(v)).Distinct())
                    {
                        if (await VisibleItemAsync(scope, id, ct) is null)
                        {
                            errors.Add(new(part.Name, field.Name, T["{0}: the chosen item does not exist.", field.DisplayName]));
                            break;
                        }
                    }

                    break;
                }

                case ContentKinds.MediaField:
                {
                    // A forged path (another organisation's upload, a recipe's file for a non-administrator) is refused
                    // like a missing one: the message does not tell whether the file exists.
                    var before = ContentValidator.Strings(stored?["Paths"]);
                    var added = values.GetAll(key).Select(v => v.Trim()).Where(v => v.Length > 0 && !before.Contains(v)).Distinct().ToList();
                    var usable = await mediaFiles.UsableAsync(scope, added, ct);
                    if (added.FirstOrDefault(p => !usable.Contains(p)) is { } refused)
                    {
                        errors.Add(new(part.Name, field.Name, T["{0}: the file {1} is not in the media library.", field.DisplayName, refused]));
                    }

                    break;
                }
            }
        }

        // Links to /media/… written into a body must name files the user may use, as the chooser does.
        foreach (var part in type.Parts)
        {
            var property = part.PartName switch
            {
                ContentKinds.MarkdownBodyPart => "Markdown",
                ContentKinds.HtmlBodyPart => "Html",
                _ => null,
            };
            if (property is null)
            {
                continue;
            }

            var before = MediaLinks.PathsIn(ContentValidator.Text(existing?.Part(part.Name)?[property]));
            var added = MediaLinks.PathsIn(values.Get(FormKeys.For(part.Name, property))).Where(p => !before.Contains(p)).ToList();
            var usable = await mediaFiles.UsableAsync(scope, added, ct);
            if (added.FirstOrDefault(p => !usable.Contains(p)) is { } refused)
            {
                errors.Add(new(part.Name, property, T["{0}: the link to the file /media/{1} is not allowed: link only files of your organisation's media library.", binder.PartLabel(part), refused]));
            }
        }

        return errors;
    }

    /// <summary>A copy of the item as a new draft owned by the user; a copied publishing time is dropped.</summary>
    public async Task<ContentResult> CloneAsync(UserScope scope, ContentItem source, CancellationToken ct = default)
    {
        var actor = new ContentActor(scope.UserId, scope.UserName);
        var result = await contents.CloneAsync(source.ContentItemId, actor, ct);
        if (result.Succeeded && result.Item!.Part(ContentKinds.PublishLaterPart)?["ScheduledPublishUtc"] is not null)
        {
            // The engine copies PublishLaterPart; a copy must not be published by the scheduler unasked.
            var copy = result.Item.Clone();
            copy.Part(ContentKinds.PublishLaterPart)!.Remove("ScheduledPublishUtc");
            result = await contents.SaveDraftAsync(copy, actor, ct);
        }

        return result;
    }

    public static ContentActor ActorOf(UserScope scope) => new(scope.UserId, scope.UserName);

    public static string MediaUrl(string path) => "/media/" + string.Join('/', path.Split('/').Select(Uri.EscapeDataString));
}
