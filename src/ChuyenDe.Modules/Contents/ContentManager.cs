using ChuyenDe.Modules.Data;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ChuyenDe.Modules.Contents;

internal sealed class ContentManager(
    DbContext db,
    IContentDefinitionManager definitions,
    IContentValidator validator,
    IContentKindRules kinds,
    IEnumerable<IContentEventHandler> handlers,
    IEnumerable<IContentPublishCheck> publishChecks,
    IEnumerable<IContentChangeGuard> changeGuards,
    IReservedPaths reservedPaths,
    TimeProvider clock,
    IStringLocalizer<ContentsResources> T) : IContentManager
{
    private DbSet<ContentItemVersionRecord> Versions => db.Set<ContentItemVersionRecord>();

    public async Task<ContentItem> NewAsync(string contentType, CancellationToken ct = default)
    {
        var type = await definitions.GetTypeDefinitionAsync(contentType, ct)
            ?? throw new ContentOperationException($"Unknown content type '{contentType}'.");
        var item = new ContentItem
        {
            ContentItemId = IdGenerator.NewId(),
            ContentItemVersionId = IdGenerator.NewId(),
            ContentType = type.Name,
        };
        foreach (var part in type.Parts)
        {
            var partJson = item.GetOrCreatePart(part.Name);
            foreach (var field in part.PartDefinition.Fields)
            {
                // The kind's default (e.g. a yes/no field's default answer); a kind without rules starts empty.
                partJson[field.Name] = kinds.Field(field.FieldName) is { } rules ? await rules.NewValueAsync(field, ct) : new JsonObject();
            }
        }

        return item;
    }

    public async Task<ContentItem?> GetAsync(string contentItemId, VersionOptions options = VersionOptions.Published, CancellationToken ct = default)
    {
        var query = Versions.AsNoTracking().Where(r => r.ContentItemId == contentItemId);
        query = options == VersionOptions.Published ? query.Where(r => r.Published) : query.Where(r => r.Latest);
        var record = await query.FirstOrDefaultAsync(ct);
        return record is null ? null : ToItem(record);
    }

    public async Task<ContentItem?> GetVersionAsync(string contentItemVersionId, CancellationToken ct = default)
    {
        var record = await Versions.AsNoTracking().FirstOrDefaultAsync(r => r.ContentItemVersionId == contentItemVersionId, ct);
        return record is null ? null : ToItem(record);
    }

    public async Task<IReadOnlyList<ContentItem>> ListVersionsAsync(string contentItemId, CancellationToken ct = default)
    {
        var records = await Versions.AsNoTracking().Where(r => r.ContentItemId == contentItemId)
            .OrderByDescending(r => r.Id).ToListAsync(ct);
        return records.Select(ToItem).ToList();
    }

    public async Task<IReadOnlyList<ContentValidationError>> ValidateAsync(ContentItem item, CancellationToken ct = default)
    {
        var type = await definitions.GetTypeDefinitionAsync(item.ContentType, ct)
            ?? throw new ContentOperationException($"Unknown content type '{item.ContentType}'.");
        Prepare(item, type);
        var errors = (await validator.ValidateAsync(item, type, ct)).ToList();
        if (errors.Count == 0)
        {
            await AssignPathAsync(item, type, errors, ct);
        }

        return errors;
    }

    public Task<ContentResult> SaveDraftAsync(ContentItem item, ContentActor actor, CancellationToken ct = default)
        => SaveAsync(item, actor, publish: false, ct);

    public Task<ContentResult> PublishAsync(ContentItem item, ContentActor actor, CancellationToken ct = default)
        => SaveAsync(item, actor, publish: true, ct);

    public async Task<ContentResult> PublishLatestAsync(string contentItemId, ContentActor actor, CancellationToken ct = default)
    {
        var latest = await GetAsync(contentItemId, VersionOptions.Latest, ct)
            ?? throw new ContentOperationException($"Content item '{contentItemId}' does not exist.");
        if (latest.Published)
        {
            return ContentResult.Success(latest);
        }

        var type = await RequireTypeAsync(latest.ContentType, ct);
        Prepare(latest, type);
        var errors = (await validator.ValidateAsync(latest, type, ct)).ToList();
        if (errors.Count == 0)
        {
            errors.AddRange(await CheckPublishAsync(latest, type, actor, ct));
        }

        if (errors.Count > 0)
        {
            return new ContentResult(null, errors);
        }

        return await InTransactionAsync(async () =>
        {
            var record = await Versions.FirstAsync(r => r.ContentItemId == contentItemId && r.Latest, ct);
            var previous = await PublishRecordAsync(record, ct);
            var item = ToItem(record);
            await UpdateIndexesAsync(contentItemId, type, ct);
            await RaiseAsync((h, e) => h.PublishedAsync(e, ct), new ContentEvent(item, actor, previous));
            return ContentResult.Success(item);
        }, ct);
    }

    private async Task<ContentResult> SaveAsync(ContentItem item, ContentActor actor, bool publish, CancellationToken ct)
    {
        var type = await RequireTypeAsync(item.ContentType, ct);
        if (await GetChangeBlockAsync(item.ContentItemId, actor, ct) is { } blocked)
        {
            return new ContentResult(null, [new ContentValidationError("", null, blocked)]);
        }

        var errors = await ValidateAsync(item, ct);
        if (errors.Count == 0 && publish)
        {
            errors = [.. await CheckPublishAsync(item, type, actor, ct)];
        }

        if (errors.Count > 0)
        {
            return new ContentResult(null, errors);
        }

        return await InTransactionAsync(async () =>
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var latest = await Versions.FirstOrDefaultAsync(r => r.ContentItemId == item.ContentItemId && r.Latest, ct);
            var isNew = !await Versions.AnyAsync(r => r.ContentItemId == item.ContentItemId, ct);
            ContentItemVersionRecord record;
            string? previousVersionId = latest?.ContentItemVersionId;
            if (latest is not null && !latest.Published && !type.TypeSettings.Versionable)
            {
                // A draft of a type that keeps no history is changed in place.
                record = latest;
            }
            else
            {
                if (latest is not null)
                {
                    latest.Latest = false;
                }

                var first = isNew ? null : await Versions.AsNoTracking().Where(r => r.ContentItemId == item.ContentItemId)
                    .OrderBy(r => r.Id).FirstOrDefaultAsync(ct);
                record = new ContentItemVersionRecord
                {
                    ContentItemId = item.ContentItemId,
                    ContentItemVersionId = IdGenerator.NewId(),
                    CreatedUtc = first?.CreatedUtc ?? now,
                    Owner = (latest ?? first)?.Owner is { Length: > 0 } owner ? owner : actor.UserId,
                    PublishedUtc = latest?.PublishedUtc,
                };
                Versions.Add(record);
            }

            item.Owner = record.Owner;
            item.Author = actor.UserName;
            item.CreatedUtc = record.CreatedUtc;
            item.ModifiedUtc = now;
            item.Latest = true;
            item.Published = false;
            item.ContentItemVersionId = record.ContentItemVersionId;
            Fill(record, item);
            record.Latest = true;
            record.Published = false;
            await db.SaveChangesAsync(ct);

            string? previousPublished = null;
            if (publish)
            {
                previousPublished = await PublishRecordAsync(record, ct);
            }

            await UpdateIndexesAsync(item.ContentItemId, type, ct);
            var saved = ToItem(record);
            var e = new ContentEvent(saved, actor, previousVersionId);
            await RaiseAsync(isNew ? (h, ev) => h.CreatedAsync(ev, ct) : (h, ev) => h.UpdatedAsync(ev, ct), e);
            if (publish)
            {
                await RaiseAsync((h, ev) => h.PublishedAsync(ev, ct), e with { PreviousVersionId = previousPublished });
            }

            return ContentResult.Success(saved);
        }, ct);
    }

    /// <summary>The first reason another module gives against changing the item (e.g. it is being reviewed), or null.</summary>
    private async Task<string?> GetChangeBlockAsync(string contentItemId, ContentActor actor, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(contentItemId))
        {
            return null;
        }

        foreach (var guard in changeGuards)
        {
            if (await guard.GetBlockReasonAsync(contentItemId, actor, ct) is { } reason)
            {
                return reason;
            }
        }

        return null;
    }

    private async Task<IReadOnlyList<ContentValidationError>> CheckPublishAsync(ContentItem item, ContentTypeDefinition type, ContentActor actor, CancellationToken ct)
    {
        var context = new ContentPublishCheckContext(item, type) { Actor = actor };
        foreach (var check in publishChecks)
        {
            await check.CheckAsync(context, ct);
        }

        return context.Errors;
    }

    /// <summary>Makes the record the published version; returns the version id that was published before.</summary>
    private async Task<string?> PublishRecordAsync(ContentItemVersionRecord record, CancellationToken ct)
    {
        var previous = await Versions.FirstOrDefaultAsync(r => r.ContentItemId == record.ContentItemId && r.Published && r.Id != record.Id, ct);
        if (previous is not null)
        {
            previous.Published = false;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        record.Published = true;
        record.PublishedUtc = now;
        record.ScheduledPublishUtc = null;
        var content = JsonNode.Parse(record.Content)!.AsObject();
        if (ContentParts.ClearSchedule(content))
        {
            record.Content = content.ToJsonString(ContentJson.Options);
        }

        await db.SaveChangesAsync(ct);
        return previous?.ContentItemVersionId;
    }

    public async Task<bool> UnpublishAsync(string contentItemId, ContentActor actor, CancellationToken ct = default)
    {
        return await InTransactionAsync(async () =>
        {
            var published = await Versions.FirstOrDefaultAsync(r => r.ContentItemId == contentItemId && r.Published, ct);
            if (published is null)
            {
                return false;
            }

            published.Published = false;
            await db.SaveChangesAsync(ct);
            await UpdateIndexesAsync(contentItemId, await definitions.GetTypeDefinitionAsync(published.ContentType, ct), ct);
            await RaiseAsync((h, e) => h.UnpublishedAsync(e, ct), new ContentEvent(ToItem(published), actor, published.ContentItemVersionId));
            return true;
        }, ct);
    }

    public async Task<bool> DiscardDraftAsync(string contentItemId, ContentActor actor, CancellationToken ct = default)
    {
        if (await GetChangeBlockAsync(contentItemId, actor, ct) is { } blocked)
        {
            throw new ContentChangeBlockedException(blocked);
        }

        return await InTransactionAsync(async () =>
        {
            var latest = await Versions.FirstOrDefaultAsync(r => r.ContentItemId == contentItemId && r.Latest, ct);
            var published = await Versions.FirstOrDefaultAsync(r => r.ContentItemId == contentItemId && r.Published, ct);
            if (latest is null || latest.Published || published is null)
            {
                return false;
            }

            latest.Latest = false;
            published.Latest = true;
            await db.SaveChangesAsync(ct);
            await UpdateIndexesAsync(contentItemId, await definitions.GetTypeDefinitionAsync(published.ContentType, ct), ct);
            await RaiseAsync((h, e) => h.DraftDiscardedAsync(e, ct), new ContentEvent(ToItem(published), actor, latest.ContentItemVersionId));
            return true;
        }, ct);
    }

    public async Task<bool> RemoveAsync(string contentItemId, ContentActor actor, CancellationToken ct = default)
    {
        if (await GetChangeBlockAsync(contentItemId, actor, ct) is { } blocked)
        {
            throw new ContentChangeBlockedException(blocked);
        }

        return await InTransactionAsync(async () =>
        {
            var active = await Versions.Where(r => r.ContentItemId == contentItemId && (r.Latest || r.Published)).ToListAsync(ct);
            if (active.Count == 0)
            {
                return false;
            }

            var now = clock.GetUtcNow().UtcDateTime;
            var latest = active.FirstOrDefault(r => r.Latest) ?? active[0];
            foreach (var record in active)
            {
                record.Latest = false;
                record.Published = false;
                record.RemovedUtc = now;
            }

            await db.SaveChangesAsync(ct);
            await UpdateIndexesAsync(contentItemId, null, ct);
            await RaiseAsync((h, e) => h.RemovedAsync(e, ct), new ContentEvent(ToItem(latest), actor, latest.ContentItemVersionId));
            return true;
        }, ct);
    }

    public async Task<ContentResult> CloneAsync(string contentItemId, ContentActor actor, CancellationToken ct = default)
    {
        var source = await GetAsync(contentItemId, VersionOptions.Latest, ct)
            ?? throw new ContentOperationException($"Content item '{contentItemId}' does not exist.");
        var clone = source.Clone();
        clone.ContentItemId = IdGenerator.NewId();
        clone.ContentItemVersionId = IdGenerator.NewId();
        clone.Owner = "";
        clone.PublishedUtc = null;
        ContentParts.ClearPath(clone);

        // A copy is never published by a schedule nobody set for it.
        ContentParts.ClearSchedule(clone.Content);

        return await SaveDraftAsync(clone, actor with { }, ct);
    }

    public async Task<bool> ImportAsync(ContentItem item, ContentActor actor, CancellationToken ct = default)
    {
        var type = await RequireTypeAsync(item.ContentType, ct);
        Prepare(item, type);
        if (string.IsNullOrEmpty(item.ContentItemVersionId))
        {
            item.ContentItemVersionId = IdGenerator.NewId();
        }

        var existingLatest = await Versions.AsNoTracking()
            .FirstOrDefaultAsync(r => r.ContentItemId == item.ContentItemId && r.Latest, ct);
        if (existingLatest is not null && existingLatest.Published == item.Published
            && JsonNode.DeepEquals(JsonNode.Parse(existingLatest.Content), Normalized(item.Content))
            && existingLatest.DisplayText == item.DisplayText)
        {
            return false;
        }

        var sameVersion = await Versions.FirstOrDefaultAsync(r => r.ContentItemVersionId == item.ContentItemVersionId, ct);
        if (sameVersion is not null && sameVersion.ContentItemId != item.ContentItemId)
        {
            throw new ContentOperationException($"Version '{item.ContentItemVersionId}' belongs to another content item.");
        }

        // The same version stored with the same content and flags (e.g. a published version under a newer draft).
        if (sameVersion is not null && sameVersion.Published == item.Published && (sameVersion.Latest || !item.Latest)
            && sameVersion.DisplayText == item.DisplayText && JsonNode.DeepEquals(JsonNode.Parse(sameVersion.Content), Normalized(item.Content)))
        {
            return false;
        }

        return await InTransactionAsync(async () =>
        {
            var errors = new List<ContentValidationError>();
            await AssignPathAsync(item, type, errors, ct);
            if (errors.Count > 0)
            {
                throw new ContentOperationException(string.Join(" ", errors.Select(e => e.Message)));
            }

            var now = clock.GetUtcNow().UtcDateTime;
            foreach (var other in await Versions.Where(r => r.ContentItemId == item.ContentItemId && (r.Latest || r.Published)).ToListAsync(ct))
            {
                if (item.Latest)
                {
                    other.Latest = false;
                }

                if (item.Published)
                {
                    other.Published = false;
                }
            }

            var isNew = existingLatest is null;
            var record = sameVersion ?? new ContentItemVersionRecord
            {
                ContentItemId = item.ContentItemId,
                ContentItemVersionId = sameVersion is null && await Versions.AnyAsync(r => r.ContentItemVersionId == item.ContentItemVersionId, ct)
                    ? IdGenerator.NewId() : item.ContentItemVersionId,
            };
            if (sameVersion is null)
            {
                Versions.Add(record);
            }

            item.CreatedUtc ??= now;
            item.ModifiedUtc ??= now;
            if (item.Published)
            {
                item.PublishedUtc ??= now;
            }

            if (string.IsNullOrEmpty(item.Owner))
            {
                item.Owner = actor.UserId;
            }

            if (string.IsNullOrEmpty(item.Author))
            {
                item.Author = actor.UserName;
            }

            record.CreatedUtc = item.CreatedUtc.Value;
            record.Owner = item.Owner;
            record.PublishedUtc = item.PublishedUtc;
            Fill(record, item);
            record.Latest = item.Latest;
            record.Published = item.Published;
            record.RemovedUtc = null;
            await db.SaveChangesAsync(ct);
            await UpdateIndexesAsync(item.ContentItemId, type, ct);
            var saved = ToItem(record);
            var e = new ContentEvent(saved, actor, existingLatest?.ContentItemVersionId);
            await RaiseAsync(isNew ? (h, ev) => h.CreatedAsync(ev, ct) : (h, ev) => h.UpdatedAsync(ev, ct), e);
            if (item.Published)
            {
                await RaiseAsync((h, ev) => h.PublishedAsync(ev, ct), e);
            }

            return true;
        }, ct);
    }

    private async Task<ContentTypeDefinition> RequireTypeAsync(string name, CancellationToken ct)
        => await definitions.GetTypeDefinitionAsync(name, ct)
           ?? throw new ContentOperationException($"Unknown content type '{name}'.");

    /// <summary>Normalises text to NFC, each field's value by its kind, and derives the display text from the title.</summary>
    private void Prepare(ContentItem item, ContentTypeDefinition type)
    {
        item.SetContent(Normalized(item.Content));
        foreach (var part in type.Parts)
        {
            foreach (var field in part.PartDefinition.Fields)
            {
                if (item.Field(part.Name, field.Name) is { } value && kinds.Field(field.FieldName) is { } rules)
                {
                    rules.Normalize(field, value);
                }
            }
        }

        item.ContentType = type.Name;
        if (ContentParts.HasTitle(type) && ContentParts.Title(item) is { } title)
        {
            item.DisplayText = title.Trim();
            ContentParts.SetTitle(item, item.DisplayText);
        }

        item.DisplayText = item.DisplayText.Normalize(NormalizationForm.FormC);

        // A typed address becomes a slug path ("Liên hệ/Góp ý" → "lien-he/gop-y"), as the address field promises.
        foreach (var part in ContentParts.AddressParts(type))
        {
            if (item.Part(part.Name) is { } address && ContentParts.PathOf(address) is { Length: > 0 } typed)
            {
                ContentParts.SetPathOf(address, Slugs.SlugifyPath(typed));
            }
        }
    }

    private static JsonObject Normalized(JsonObject content) => (JsonObject)NormalizeNode(content)!;

    private static JsonNode? NormalizeNode(JsonNode? node) => node switch
    {
        JsonObject obj => new JsonObject(obj.Select(p => KeyValuePair.Create(p.Key, NormalizeNode(p.Value)))),
        JsonArray arr => new JsonArray(arr.Select(NormalizeNode).ToArray()),
        JsonValue value when value.TryGetValue<string>(out var s) => JsonValue.Create(s.Normalize(NormalizationForm.FormC)),
        _ => node?.DeepClone(),
    };

    /// <summary>Gives the item its route: a custom path as typed (made a slug), or one from the type's pattern.</summary>
    private async Task AssignPathAsync(ContentItem item, ContentTypeDefinition type, List<ContentValidationError> errors, CancellationToken ct)
    {
        var part = ContentParts.AddressParts(type).FirstOrDefault();
        if (part is null)
        {
            return;
        }

        var json = item.GetOrCreatePart(part.Name);
        var custom = ContentParts.PathOf(json);
        var settings = part.Settings["AutoroutePartSettings"] as JsonObject;
        var allowCustom = settings?["AllowCustomPath"] is JsonValue allow && allow.TryGetValue<bool>(out var a) && a;
        if (!string.IsNullOrWhiteSpace(custom) && (allowCustom || await OwnsPathAsync(item.ContentItemId, custom, ct)))
        {
            var path = Slugs.SlugifyPath(custom);
            if (await reservedPaths.IsReservedAsync(path, ct))
            {
                // A typed address that the site answers itself is refused; an address the type does not let users
                // choose (kept from before) is replaced below by a generated one.
                if (allowCustom)
                {
                    errors.Add(new(part.Name, "Path", T["The address {0} is reserved for the site's own pages (such as /admin, /media or /tim-kiem); please choose another address.", path]));
                    return;
                }
            }
            else
            {
                if (await IsPathTakenAsync(path, item.ContentItemId, ct))
                {
                    errors.Add(new(part.Name, "Path", T["The address {0} is already used by another item.", path]));
                    return;
                }

                ContentParts.SetPathOf(json, path);
                return;
            }
        }

        var pattern = (settings?["Pattern"] as JsonValue)?.GetValue<string>() ?? "{{ ContentItem.DisplayText | slugify }}";
        var generated = Slugs.SlugifyPath(ExpandPattern(pattern, item));
        if (generated.Length == 0)
        {
            generated = Slugs.SlugifyPath(ExpandPattern(pattern.Replace("DisplayText", "ContentItemId", StringComparison.Ordinal), item));
        }

        generated = AvoidReserved(generated, item);
        ContentParts.SetPathOf(json, await Slugs.MakeUniqueAsync(generated,
            async p => await reservedPaths.IsReservedAsync(p, ct) || await IsPathTakenAsync(p, item.ContentItemId, ct)));
    }

    /// <summary>
    /// A generated path whose first segment the site answers itself (an item titled "Tìm kiếm", a pattern starting
    /// with <c>admin/</c>) gets a number on that segment: <c>tim-kiem-2</c>, <c>admin-2/…</c>. An address reserved by
    /// data (a news category page, <c>tin-tuc/goc-phu-huynh</c>) is left to the uniqueness step (<c>…-2</c> at its end).
    /// </summary>
    private string AvoidReserved(string path, ContentItem item)
    {
        if (!reservedPaths.IsReserved(path))
        {
            return path;
        }

        var slash = path.IndexOf('/');
        var (first, rest) = slash < 0 ? (path, "") : (path[..slash], path[slash..]);
        for (var n = 2; n < 100; n++)
        {
            if ($"{first}-{n}{rest}" is var candidate && !reservedPaths.IsReserved(candidate))
            {
                return candidate;
            }
        }

        return Slugs.Slugify(item.ContentItemId);
    }

    private Task<bool> OwnsPathAsync(string contentItemId, string path, CancellationToken ct)
        => db.Set<ContentRouteRecord>().AnyAsync(r => r.ContentItemId == contentItemId && r.Path == path, ct);

    private Task<bool> IsPathTakenAsync(string path, string contentItemId, CancellationToken ct)
        => db.Set<ContentRouteRecord>().AnyAsync(r => r.Path == path && r.ContentItemId != contentItemId, ct);

    /// <summary>
    /// Expands the subset of Orchard Core's Liquid route patterns that route patterns use:
    /// <c>{{ ContentItem.DisplayText | slugify }}</c> (or <c>Model.ContentItem | display_text | slugify</c>) and
    /// <c>ContentItem.ContentItemId</c>; literal text is kept.
    /// </summary>
    internal static string ExpandPattern(string pattern, ContentItem item)
    {
        var result = new StringBuilder();
        var position = 0;
        while (position < pattern.Length)
        {
            var open = pattern.IndexOf("{{", position, StringComparison.Ordinal);
            if (open < 0)
            {
                result.Append(pattern, position, pattern.Length - position);
                break;
            }

            result.Append(pattern, position, open - position);
            var close = pattern.IndexOf("}}", open, StringComparison.Ordinal);
            if (close < 0)
            {
                break;
            }

            var expression = pattern[(open + 2)..close];
            var value = expression.Contains("ContentItemId", StringComparison.Ordinal)
                ? item.ContentItemId
                : expression.Contains("display_text", StringComparison.OrdinalIgnoreCase) || expression.Contains("DisplayText", StringComparison.Ordinal)
                    ? item.DisplayText
                    : "";
            result.Append(Slugs.Slugify(value));
            position = close + 2;
        }

        return result.ToString();
    }

    private static void Fill(ContentItemVersionRecord record, ContentItem item)
    {
        record.ContentType = item.ContentType;
        record.DisplayText = item.DisplayText.Length > 1024 ? item.DisplayText[..1024] : item.DisplayText;
        record.DisplayTextFolded = Slugs.Fold(record.DisplayText);
        record.Author = item.Author;
        record.ModifiedUtc = item.ModifiedUtc ?? DateTime.UtcNow;
        record.OrganizationId = item.OrganizationId;
        record.ScheduledPublishUtc = ContentParts.ScheduledPublishUtc(item);
        record.Content = item.ContentToJsonString();
    }

    internal static ContentItem ToItem(ContentItemVersionRecord record)
    {
        var item = new ContentItem
        {
            ContentItemId = record.ContentItemId,
            ContentItemVersionId = record.ContentItemVersionId,
            ContentType = record.ContentType,
            DisplayText = record.DisplayText,
            Latest = record.Latest,
            Published = record.Published,
            Owner = record.Owner,
            Author = record.Author,
            CreatedUtc = DateTime.SpecifyKind(record.CreatedUtc, DateTimeKind.Utc),
            ModifiedUtc = DateTime.SpecifyKind(record.ModifiedUtc, DateTimeKind.Utc),
            PublishedUtc = record.PublishedUtc is { } p ? DateTime.SpecifyKind(p, DateTimeKind.Utc) : null,
        };
        item.SetContent(JsonNode.Parse(record.Content) as JsonObject ?? new JsonObject());
        return item;
    }

    /// <summary>
    /// Brings the route and taxonomy index rows of an item in line with its latest and published versions: rows no
    /// longer wanted are removed, missing ones added, and a row that stays only has its flags set. A row left as it was
    /// is not written, so a draft saved beside a published version leaves that version's rows (and what the caches keep
    /// of them: <see cref="PublishedContentKeys"/>) alone but for its Latest flag.
    /// </summary>
    private async Task UpdateIndexesAsync(string contentItemId, ContentTypeDefinition? type, CancellationToken ct)
    {
        var routes = db.Set<ContentRouteRecord>();
        var terms = db.Set<ContentTaxonomyRecord>();
        var wantedRoutes = new List<ContentRouteRecord>();
        var wantedTerms = new List<ContentTaxonomyRecord>();
        var active = await Versions.AsNoTracking()
            .Where(r => r.ContentItemId == contentItemId && (r.Latest || r.Published)).ToListAsync(ct);
        foreach (var record in active)
        {
            var version = ToItem(record);
            if (ContentParts.Path(version) is { Length: > 0 } path)
            {
                wantedRoutes.Add(new ContentRouteRecord
                {
                    ContentItemId = contentItemId,
                    ContentItemVersionId = record.ContentItemVersionId,
                    Path = path,
                    Published = record.Published,
                    Latest = record.Latest,
                });
            }

            if (type is null)
            {
                continue;
            }

            foreach (var (part, field, chosen) in kinds.TermsOf(version, type))
            {
                foreach (var termId in chosen.TermContentItemIds.Distinct())
                {
                    wantedTerms.Add(new ContentTaxonomyRecord
                    {
                        ContentItemId = contentItemId,
                        ContentItemVersionId = record.ContentItemVersionId,
                        ContentType = record.ContentType,
                        ContentPart = part.Name,
                        ContentField = field.Name,
                        TaxonomyContentItemId = chosen.TaxonomyContentItemId,
                        TermContentItemId = termId,
                        Published = record.Published,
                        Latest = record.Latest,
                    });
                }
            }
        }

        var routeChanges = Reconcile(
            await routes.Where(r => r.ContentItemId == contentItemId).ToListAsync(ct), wantedRoutes,
            r => (r.ContentItemVersionId, r.Path, ""), r => r.Published, r => r.Latest);
        var termChanges = Reconcile(
            await terms.Where(r => r.ContentItemId == contentItemId).ToListAsync(ct), wantedTerms,
            r => (r.ContentItemVersionId, $"{r.ContentType}/{r.ContentPart}/{r.ContentField}", $"{r.TaxonomyContentItemId}/{r.TermContentItemId}"),
            r => r.Published, r => r.Latest);

        // Two saves: rows stop being published (or go) before others become published, so that a path moving from the
        // old published version to the new one never meets itself in the unique index of published paths.
        routes.RemoveRange(routeChanges.Removed);
        terms.RemoveRange(termChanges.Removed);
        foreach (var (row, published, latest) in routeChanges.Kept.Where(k => !k.Published || k.Row.Published))
        {
            (row.Published, row.Latest) = (published, latest);
        }

        foreach (var (row, published, latest) in termChanges.Kept)
        {
            (row.Published, row.Latest) = (published, latest);
        }

        await db.SaveChangesAsync(ct);
        foreach (var (row, published, latest) in routeChanges.Kept.Where(k => k.Published && !k.Row.Published))
        {
            (row.Published, row.Latest) = (published, latest);
        }

        routes.AddRange(routeChanges.Added);
        terms.AddRange(termChanges.Added);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Matches the index rows an item has with those it should have, by an identity (version and what the row names):
    /// rows without a match go, wanted rows without a match come, and matched rows keep their row with the wanted flags.
    /// </summary>
    private static (List<T> Removed, List<T> Added, List<(T Row, bool Published, bool Latest)> Kept) Reconcile<T>(
        List<T> existing, List<T> wanted, Func<T, (string, string, string)> identity,
        Func<T, bool> published, Func<T, bool> latest)
    {
        var byIdentity = new Dictionary<(string, string, string), T>();
        var removed = new List<T>();
        foreach (var row in existing)
        {
            // A duplicate row (none are written, but an older build may have left one) goes too.
            if (!byIdentity.TryAdd(identity(row), row))
            {
                removed.Add(row);
            }
        }

        var added = new List<T>();
        var kept = new List<(T, bool, bool)>();
        foreach (var row in wanted)
        {
            if (byIdentity.Remove(identity(row), out var match))
            {
                kept.Add((match, published(row), latest(row)));
            }
            else
            {
                added.Add(row);
            }
        }

        removed.AddRange(byIdentity.Values);
        return (removed, added, kept);
    }

    private async Task RaiseAsync(Func<IContentEventHandler, ContentEvent, Task> raise, ContentEvent e)
    {
        foreach (var handler in handlers)
        {
            await raise(handler, e);
        }
    }

    private Task<T> InTransactionAsync<T>(Func<Task<T>> work, CancellationToken ct) => db.InTransactionAsync(work, ct);
}
