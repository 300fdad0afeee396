using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Nodes;
using ChuyenDe.Modules.Admin;
using ChuyenDe.Modules.Audit;
using ChuyenDe.Modules.Contents;
using ChuyenDe.Modules.Security;
using ChuyenDe.Modules.Settings;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;

namespace ChuyenDe.Modules.History;

/// <summary>A version in the history list: its number (1 = first), when it was saved (site time) and by whom.</summary>
public sealed record VersionRow(int Number, ContentItem Version, DateTime? SavedLocal)
{
    public string VersionId => Version.ContentItemVersionId;
    public bool IsLatest => Version.Latest;
    public bool IsPublished => Version.Published;
}

public sealed record HistoryView(
    ContentItem Item,
    string TypeDisplayName,
    IReadOnlyList<VersionRow> Versions,
    bool CanRestore,
    bool IsRemoved,
    IReadOnlyList<string> Errors)
{
    public string ContentItemId => Item.ContentItemId;

    /// <summary>The pair compared by default: the version before the latest, and the latest.</summary>
    public string? DefaultFrom => Versions.Count > 1 ? Versions[1].VersionId : Versions.FirstOrDefault()?.VersionId;

    public string? DefaultTo => Versions.FirstOrDefault()?.VersionId;
}

public sealed record CompareView(
    ContentItem Item,
    string TypeDisplayName,
    VersionRow From,
    VersionRow To,
    VersionComparison Comparison,
    bool CanRestoreFrom);

/// <summary>The versions of an item: list, field-by-field comparison and restoring an old version as a new draft.</summary>
public sealed class HistoryController(
    IContentManager contents,
    IContentDefinitionManager definitions,
    IContentAuthorizer authorizer,
    IVersionComparer comparer,
    ISiteSettingsService settings,
    IAuditTrail audit,
    IStringLocalizer<HistoryResources> T,
    ILogger<HistoryController> logger) : AdminController
{
    [HttpGet("/admin/noi-dung/{id}/lich-su")]
    public async Task<IActionResult> Index([FromRoute] string id, CancellationToken ct)
    {
        var access = await AuthorizeAsync(id, ContentAction.ViewHistory, ct);
        if (!access.Granted)
        {
            return access.Denied;
        }

        var (scope, versions, item) = (access.Scope, access.Versions, access.Item);

        return View(await BuildHistoryAsync(scope, versions, item, [], ct));
    }

    [HttpGet("/admin/noi-dung/{id}/so-sanh")]
    public async Task<IActionResult> Compare([FromRoute] string id, string? from, string? to, CancellationToken ct)
    {
        var access = await AuthorizeAsync(id, ContentAction.ViewHistory, ct);
        if (!access.Granted)
        {
            return access.Denied;
        }

        var (scope, versions, item) = (access.Scope, access.Versions, access.Item);

        if (string.IsNullOrEmpty(from) || string.IsNullOrEmpty(to))
        {
            Flash(T["Choose two versions to compare."]);
            return Redirect(HistoryUrl(id));
        }

        var rows = await RowsAsync(versions, ct);
        var fromRow = rows.FirstOrDefault(r => r.VersionId == from);
        var toRow = rows.FirstOrDefault(r => r.VersionId == to);
        if (fromRow is null || toRow is null)
        {
            return NotFound();
        }

        var comparison = await comparer.CompareAsync(fromRow.Version, toRow.Version, ct);
        var canRestore = CanRestore(scope, item) && !fromRow.IsLatest;
        return View(new CompareView(item, await TypeNameAsync(item, ct), fromRow, toRow, comparison, canRestore));
    }

    [HttpPost("/admin/noi-dung/{id}/khoi-phuc")]
    public async Task<IActionResult> Restore([FromRoute] string id, string? versionId, CancellationToken ct)
    {
        var access = await AuthorizeAsync(id, ContentAction.Edit, ct);
        if (!access.Granted)
        {
            return access.Denied;
        }

        var (scope, versions, item) = (access.Scope, access.Versions, access.Item);

        if (!authorizer.Can(scope, ContentAction.ViewHistory, item))
        {
            return Forbid();
        }

        var source = versions.FirstOrDefault(v => v.ContentItemVersionId == versionId);
        if (source is null)
        {
            return NotFound();
        }

        var rows = await RowsAsync(versions, ct);
        var number = rows.First(r => r.VersionId == source.ContentItemVersionId).Number;
        var latest = versions.FirstOrDefault(v => v.Latest);
        if (latest is null)
        {
            return View("Index", await BuildHistoryAsync(scope, versions, item,
                [T["This item has been deleted; its old versions can be viewed but not restored."]], ct));
        }

        if (latest.ContentItemVersionId == source.ContentItemVersionId)
        {
            Flash(T["Version {0} is already the latest version; there is nothing to restore.", number]);
            return Redirect(HistoryUrl(id));
        }

        // A type that keeps no versions changes its draft in place: restoring would overwrite that draft for good.
        var type = await definitions.GetTypeDefinitionAsync(latest.ContentType, ct);
        if (type is not null && !type.TypeSettings.Versionable && !latest.Published)
        {
            return View("Index", await BuildHistoryAsync(scope, versions, item,
                [T["Items of this type keep no versions, so restoring would overwrite the current draft. Publish or discard the draft first."]], ct));
        }

        var draft = latest.Clone();
        foreach (var name in draft.Content.Select(p => p.Key).ToList())
        {
            draft.Content.Remove(name);
        }

        foreach (var (name, value) in source.Content)
        {
            draft.Content[name] = value?.DeepClone();
        }

        draft.DisplayText = source.DisplayText;

        // A schedule belonged to the old editorial decision; a restored draft waits for someone to publish it.
        var scheduleCleared = false;
        if (ContentParts.HasSchedule(draft))
        {
            ContentParts.ClearSchedule(draft.Content);
            scheduleCleared = true;
        }

        // The old version may belong to another organisation: the user must be allowed to edit it there too.
        if (!authorizer.Can(scope, ContentAction.Edit, draft))
        {
            return Forbid();
        }

        var result = await contents.SaveDraftAsync(draft, new ContentActor(scope.UserId, scope.UserName), ct);
        if (!result.Succeeded)
        {
            var errors = new List<string> { T["Version {0} could not be restored because it does not pass today's checks:", number] };
            errors.AddRange(result.Errors.Select(e => Describe(type, e)));
            return View("Index", await BuildHistoryAsync(scope, versions, item, errors, ct));
        }

        await audit.RecordAsync(new AuditEntry
        {
            Category = AuditCategories.Content, Action = AuditActions.Restored, ContentItemId = id, ContentType = result.Item!.ContentType,
            Subject = result.Item.DisplayText, OrganizationId = result.Item.OrganizationId,
            VersionBefore = latest.ContentItemVersionId, VersionAfter = result.Item.ContentItemVersionId,
            Details = $"{T["version {0}", number]} ({source.ContentItemVersionId})",
        }, ct);
        logger.LogInformation("User {User} restored version {Version} of {ContentItemId} as draft {Draft}",
            scope.UserName, source.ContentItemVersionId, id, result.Item!.ContentItemVersionId);
        var after = await contents.ListVersionsAsync(id, ct);
        var newNumber = after.Count - after.ToList().FindIndex(v => v.ContentItemVersionId == result.Item!.ContentItemVersionId);
        var message = versions.Any(v => v.Published)
            ? T["Version {0} has been restored as a new draft (version {1}). The published version has not changed; publish the draft when it is ready.", number, newNumber]
            : T["Version {0} has been restored as a new draft (version {1}).", number, newNumber];
        Flash(scheduleCleared ? $"{message} {T["The scheduled publishing time of the old version was not restored."]}" : message);
        return Redirect(HistoryUrl(id));
    }

    private static string HistoryUrl(string id) => $"/admin/noi-dung/{Uri.EscapeDataString(id)}/lich-su";

    /// <summary>
    /// Loads the versions and decides: 404 when the item does not exist or is outside the user's organisations
    /// (its existence must not leak), 403 when it is in scope but the action is not allowed.
    /// </summary>
    private async Task<Access> AuthorizeAsync(string id, ContentAction action, CancellationToken ct)
    {
        var scope = Scope;

        var versions = await contents.ListVersionsAsync(id, ct);
        if (versions.Count == 0)
        {
            return new Access(NotFound());
        }

        // The item as it is now: its latest version, else (deleted) its newest one.
        var item = versions.FirstOrDefault(v => v.Latest) ?? versions.FirstOrDefault(v => v.Published) ?? versions[0];
        if (!scope.IsAdministrator && !scope.InScope(item.OrganizationId))
        {
            return new Access(NotFound());
        }

        if (!authorizer.Can(scope, ContentAction.View, item))
        {
            return new Access(NotFound());
        }

        return authorizer.Can(scope, action, item) ? new Access(null, scope, versions, item) : new Access(Forbid());
    }

    /// <summary>Either the denial to return, or the user's scope with the item's versions and its current state.</summary>
    private sealed record Access(IActionResult? Denied, UserScope? Scope = null, IReadOnlyList<ContentItem>? Versions = null, ContentItem? Item = null)
    {
        [MemberNotNullWhen(true, nameof(Scope), nameof(Versions), nameof(Item))]
        [MemberNotNullWhen(false, nameof(Denied))]
        public bool Granted => Denied is null;
    }

    private bool CanRestore(UserScope scope, ContentItem item)
        => item.Latest && authorizer.Can(scope, ContentAction.Edit, item) && authorizer.Can(scope, ContentAction.ViewHistory, item);

    private async Task<HistoryView> BuildHistoryAsync(UserScope scope, IReadOnlyList<ContentItem> versions, ContentItem item,
        IReadOnlyList<string> errors, CancellationToken ct)
        => new(item, await TypeNameAsync(item, ct), await RowsAsync(versions, ct), CanRestore(scope, item), !item.Latest, errors);

    private async Task<IReadOnlyList<VersionRow>> RowsAsync(IReadOnlyList<ContentItem> versions, CancellationToken ct)
    {
        var site = await settings.GetAsync(ct);
        return versions.Select((v, i) => new VersionRow(versions.Count - i, v, v.ModifiedUtc is { } m ? site.ToLocal(m) : null)).ToList();
    }

    private async Task<string> TypeNameAsync(ContentItem item, CancellationToken ct)
        => (await definitions.GetTypeDefinitionAsync(item.ContentType, ct))?.DisplayName ?? item.ContentType;

    private string Describe(ContentTypeDefinition? type, ContentValidationError error)
    {
        var part = type?.FindPart(error.Part);
        var field = error.Field is null ? null : part?.PartDefinition.Fields.FirstOrDefault(f => f.Name == error.Field);
        var label = field?.DisplayName
                    ?? (part?.Settings["ContentTypePartSettings"]?["DisplayName"] is JsonValue v && v.TryGetValue<string>(out var name) ? name : null);
        return label is null || error.Message.StartsWith(label, StringComparison.Ordinal) ? error.Message : $"{label}: {error.Message}";
    }
}
