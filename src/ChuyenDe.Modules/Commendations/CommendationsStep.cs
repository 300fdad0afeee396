using System.Globalization;
using System.Text.Json.Nodes;
using ChuyenDe.Modules.Contents;
using ChuyenDe.Modules.Organizations;
using ChuyenDe.Modules.Recipes;
using Microsoft.EntityFrameworkCore;

namespace ChuyenDe.Modules.Commendations;

/// <summary>
/// Our own step <c>Commendations</c>: <c>Decisions</c>, an array of <c>{ Key, Owner, Number, Date ("2023-05-20"), Level
/// (DepartmentDirector, ProvincialChairman, Minister), Title, Period ("2021-2025" or "2022-2023"), File? (a media path),
/// Published?, Recipients: [{ Kind (Collective, Individual), Organization? (required for a collective), Name? (required
/// for an individual), Position?, Achievement, Items? (ids of published initiatives, exemplary products or model sites) }] }</c>.
/// Decisions are matched by key: one that exists is left as it is (curators may have changed it since).
/// </summary>
internal sealed class CommendationsStep(DbContext db, IOrganizationService organizations, IContentQueryService contents, TimeProvider clock) : IRecipeStepHandler
{
    public string Name => "Commendations";

    public async Task ExecuteAsync(RecipeStepContext context, CancellationToken ct)
    {
        var decisionsPath = RecipeJson.Child(context.Path, "Decisions");
        foreach (var (json, path) in RecipeJson.Objects(RecipeJson.OptionalArray(context.Step, "Decisions", context.Path), decisionsPath))
        {
            var key = RecipeJson.RequiredString(json, "Key", path);
            if (key.Length > 64)
            {
                throw new RecipeStepException(RecipeJson.Child(path, "Key"), "The key is longer than 64 characters.");
            }

            if (await db.Set<CommendationDecision>().AnyAsync(d => d.Key == key, ct))
            {
                continue;
            }

            db.Add(await DecisionAsync(json, path, key, ct));
            await db.SaveChangesAsync(ct);
            context.Changes++;
        }
    }

    private async Task<CommendationDecision> DecisionAsync(JsonObject json, string path, string key, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var owner = RecipeJson.RequiredString(json, "Owner", path);
        if (await organizations.GetAsync(owner, ct) is null)
        {
            throw new RecipeStepException(RecipeJson.Child(path, "Owner"), $"'{owner}' is no organisation.");
        }

        var number = Limited(json, "Number", path, CommendationDecision.MaxNumberLength);
        var dateText = RecipeJson.RequiredString(json, "Date", path);
        if (!DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            throw new RecipeStepException(RecipeJson.Child(path, "Date"), $"'{dateText}' is not a date written as 2023-05-20.");
        }

        var levelText = RecipeJson.RequiredString(json, "Level", path);
        if (!Enum.TryParse<IssuingLevel>(levelText, false, out var level) || !Enum.IsDefined(level))
        {
            throw new RecipeStepException(RecipeJson.Child(path, "Level"), $"'{levelText}' is no level (DepartmentDirector, ProvincialChairman, Minister).");
        }

        var period = RecipeJson.RequiredString(json, "Period", path);
        if (!CommendationService.IsPeriod(period))
        {
            throw new RecipeStepException(RecipeJson.Child(path, "Period"), $"'{period}' is no phase or school year such as 2021-2025 or 2022-2023.");
        }

        var published = RecipeJson.OptionalBool(json, "Published", path) ?? false;
        var decision = new CommendationDecision
        {
            Key = key,
            OwnerOrganizationId = owner,
            Number = number,
            Date = date,
            Level = level,
            Title = Limited(json, "Title", path, CommendationDecision.MaxTitleLength),
            Period = period,
            FilePath = RecipeJson.OptionalString(json, "File", path),
            Published = published,
            PublishedUtc = published ? now : null,
            CreatedUtc = now,
            UpdatedUtc = now,
        };
        var recipientsPath = RecipeJson.Child(path, "Recipients");
        var order = 0;
        foreach (var (r, rPath) in RecipeJson.Objects(RecipeJson.RequiredArray(json, "Recipients", path), recipientsPath))
        {
            decision.Recipients.Add(await RecipientAsync(r, rPath, order++, ct));
        }

        if (published && decision.Recipients.Count == 0)
        {
            throw new RecipeStepException(recipientsPath, "A published decision needs at least one recipient.");
        }

        return decision;
    }

    private async Task<CommendationRecipient> RecipientAsync(JsonObject json, string path, int order, CancellationToken ct)
    {
        var kindText = RecipeJson.RequiredString(json, "Kind", path);
        if (!Enum.TryParse<RecipientKind>(kindText, false, out var kind) || !Enum.IsDefined(kind))
        {
            throw new RecipeStepException(RecipeJson.Child(path, "Kind"), $"'{kindText}' is neither Collective nor Individual.");
        }

        var organizationId = RecipeJson.OptionalString(json, "Organization", path);
        var unit = organizationId is null ? null : await organizations.GetAsync(organizationId, ct)
            ?? throw new RecipeStepException(RecipeJson.Child(path, "Organization"), $"'{organizationId}' is no organisation.");
        if (kind == RecipientKind.Collective && unit is null)
        {
            throw new RecipeStepException(RecipeJson.Child(path, "Organization"), "A collective needs its organisation.");
        }

        var name = kind == RecipientKind.Collective ? unit!.Name : Limited(json, "Name", path, CommendationRecipient.MaxNameLength);
        var items = RecipeJson.Strings(RecipeJson.OptionalArray(json, "Items", path), RecipeJson.Child(path, "Items"));
        var found = (await contents.GetPublishedAsync(items, ct)).ToDictionary(i => i.ContentItemId, StringComparer.Ordinal);
        foreach (var id in items)
        {
            if (!found.TryGetValue(id, out var item) || !CommendationService.LinkableTypes.Contains(item.ContentType))
            {
                throw new RecipeStepException(RecipeJson.Child(path, "Items"), $"'{id}' is no published initiative, exemplary product or model site.");
            }
        }

        return new CommendationRecipient
        {
            Kind = kind,
            OrganizationId = unit?.Id,
            Name = name,
            Position = kind == RecipientKind.Individual ? RecipeJson.OptionalString(json, "Position", path) : null,
            Achievement = Limited(json, "Achievement", path, CommendationRecipient.MaxAchievementLength),
            Order = order,
            Items = items.Distinct(StringComparer.Ordinal).Select((id, i) => new CommendationRecipientItem { ContentItemId = id, Order = i }).ToList(),
        };
    }

    private static string Limited(JsonObject json, string name, string path, int max)
    {
        var text = RecipeJson.RequiredString(json, name, path).Trim();
        return text.Length <= max ? text : throw new RecipeStepException(RecipeJson.Child(path, name), $"'{name}' is longer than {max} characters.");
    }
}
