using ChuyenDe.Modules.Caching;
using ChuyenDe.Modules.Admin;
using ChuyenDe.Modules.Recipes;
using ChuyenDe.Modules.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChuyenDe.Modules.Organizations;

public static class OrganizationsModule
{
    public static IServiceCollection AddOrganizationsModule(this IServiceCollection services)
    {
        services.AddScoped<OrganizationService>();
        // Units' names show on cards, item pages and filters.
        services.AddPageCacheDependency<Organization>(_ => [CacheTags.Organizations]);
        // Kept across requests (ReferenceDataCache); a change drops them once saved.
        services.AddReferenceDataDependency<Organization>(_ => [OrganizationService.CacheKey]);
        services.AddScoped<IOrganizationService>(sp => sp.GetRequiredService<OrganizationService>());
        services.AddScoped<IOrganizationDirectory, OrganizationDirectory>();
        services.AddScoped<IRecipeStepHandler, OrganizationsStep>();
        services.AddScoped<IOrganizationUsage, ContentOrganizationUsage>();
        services.AddScoped<IOrganizationAdminService, OrganizationAdminService>();
        services.AddSingleton<IAdminMenuProvider, OrganizationsAdminMenu>();
        return services;
    }
}

/// <summary>The rules of the tree, shared by the <c>Organizations</c> step and the organisations admin.</summary>
public static class OrganizationRules
{
    public const int MaxIdLength = 64;

    /// <summary>Ids are a–z, 0–9 and '-', at most 64 characters.</summary>
    public static bool IsValidId(string? id)
        => !string.IsNullOrEmpty(id) && id.Length <= MaxIdLength && id.All(c => c is >= 'a' and <= 'z' or >= '0' and <= '9' or '-');

    /// <summary>The kind a unit's parent must have: none for a Department, a Department for a district office, else a district office.</summary>
    public static OrganizationKind? ExpectedParentKind(OrganizationKind kind) => kind switch
    {
        OrganizationKind.Department => null,
        OrganizationKind.DistrictOffice => OrganizationKind.Department,
        _ => OrganizationKind.DistrictOffice,
    };

    /// <summary>Whether <paramref name="parent"/> (found by <paramref name="parentId"/>, null when unknown) may be the parent of a unit of the kind.</summary>
    public static bool ParentFits(OrganizationKind kind, string? parentId, Organization? parent)
        => ExpectedParentKind(kind) is { } expected ? parent is not null && parent.Kind == expected : parentId is null;

    /// <summary>Only a school has a cluster, and it must be a cluster of the school's own district office.</summary>
    public static bool ClusterFits(OrganizationKind kind, string? parentId, string? clusterId, Organization? cluster)
        => clusterId is null
           || (kind == OrganizationKind.School && cluster is not null && cluster.Kind == OrganizationKind.Cluster && cluster.ParentId == parentId);
}

/// <summary>
/// Our own step (Orchard Core has no organisations): <c>Organizations</c>, an array of
/// <c>{ Id, Name, ShortName?, Kind, ParentId?, ClusterId?, Active? }</c>, parents before children or in the same step.
/// </summary>
internal sealed class OrganizationsStep(DbContext db, OrganizationService service, TimeProvider clock) : IRecipeStepHandler
{
    public string Name => "Organizations";

    public async Task ExecuteAsync(RecipeStepContext context, CancellationToken ct)
    {
        var listPath = RecipeJson.Child(context.Path, "Organizations");
        var entries = RecipeJson.Objects(RecipeJson.RequiredArray(context.Step, "Organizations", context.Path), listPath).ToList();
        var existing = await db.Set<Organization>().ToDictionaryAsync(o => o.Id, ct);
        var incoming = new Dictionary<string, (Organization Value, string Path)>(StringComparer.Ordinal);
        foreach (var (json, path) in entries)
        {
            var id = RecipeJson.RequiredString(json, "Id", path);
            if (!OrganizationRules.IsValidId(id))
            {
                throw new RecipeStepException(RecipeJson.Child(path, "Id"), $"'{id}' is not a valid id (a–z, 0–9 and '-', at most 64).");
            }

            var kindText = RecipeJson.RequiredString(json, "Kind", path);
            if (!Enum.TryParse<OrganizationKind>(kindText, false, out var kind) || !Enum.IsDefined(kind))
            {
                throw new RecipeStepException(RecipeJson.Child(path, "Kind"),
                    $"Unknown kind '{kindText}'. Known kinds: {string.Join(", ", Enum.GetNames<OrganizationKind>())}.");
            }

            var organization = new Organization
            {
                Id = id,
                Name = RecipeJson.RequiredString(json, "Name", path).Normalize(),
                ShortName = RecipeJson.OptionalString(json, "ShortName", path)?.Normalize(),
                Kind = kind,
                ParentId = RecipeJson.OptionalString(json, "ParentId", path),
                ClusterId = RecipeJson.OptionalString(json, "ClusterId", path),
                Active = RecipeJson.OptionalBool(json, "Active", path) ?? true,
            };
            if (!incoming.TryAdd(id, (organization, path)))
            {
                throw new RecipeStepException(RecipeJson.Child(path, "Id"), $"The organisation '{id}' appears twice.");
            }
        }

        foreach (var (organization, path) in incoming.Values)
        {
            CheckParent(organization, path, incoming, existing);
        }

        foreach (var (organization, _) in incoming.Values)
        {
            if (existing.TryGetValue(organization.Id, out var stored))
            {
                if (stored.Name == organization.Name && stored.ShortName == organization.ShortName && stored.Kind == organization.Kind
                    && stored.ParentId == organization.ParentId && stored.ClusterId == organization.ClusterId && stored.Active == organization.Active)
                {
                    continue;
                }

                stored.Name = organization.Name;
                stored.ShortName = organization.ShortName;
                stored.Kind = organization.Kind;
                stored.ParentId = organization.ParentId;
                stored.ClusterId = organization.ClusterId;
                stored.Active = organization.Active;
            }
            else
            {
                organization.CreatedUtc = clock.GetUtcNow().UtcDateTime;
                db.Add(organization);
            }

            context.Changes++;
        }

        await db.SaveChangesAsync(ct);
        service.Invalidate();
    }

    private static void CheckParent(Organization organization, string path,
        Dictionary<string, (Organization Value, string Path)> incoming, Dictionary<string, Organization> existing)
    {
        Organization? Find(string? id) => id is null ? null : incoming.TryGetValue(id, out var i) ? i.Value : existing.GetValueOrDefault(id);

        var expectedParent = OrganizationRules.ExpectedParentKind(organization.Kind);
        if (!OrganizationRules.ParentFits(organization.Kind, organization.ParentId, Find(organization.ParentId)))
        {
            throw new RecipeStepException(RecipeJson.Child(path, "ParentId"), expectedParent is null
                ? "A Department is at the top of the tree and has no parent."
                : $"A {organization.Kind} needs a ParentId naming an existing {expectedParent}.");
        }

        if (!OrganizationRules.ClusterFits(organization.Kind, organization.ParentId, organization.ClusterId, Find(organization.ClusterId)))
        {
            throw new RecipeStepException(RecipeJson.Child(path, "ClusterId"),
                "ClusterId must name a cluster of the school's own district office.");
        }
    }
}
