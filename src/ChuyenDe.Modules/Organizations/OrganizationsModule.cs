using ChuyenDe.Modules.Recipes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChuyenDe.Modules.Organizations;

public static class OrganizationsModule
{
    public static IServiceCollection AddOrganizationsModule(this IServiceCollection services)
    {
        services.AddScoped<OrganizationService>();
        services.AddScoped<IOrganizationService>(sp => sp.GetRequiredService<OrganizationService>());
        services.AddScoped<IRecipeStepHandler, OrganizationsStep>();
        return services;
    }
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
            if (id.Length > 64 || !id.All(c => c is >= 'a' and <= 'z' or >= '0' and <= '9' or '-'))
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

        var parent = Find(organization.ParentId);
        var expectedParent = organization.Kind switch
        {
            OrganizationKind.Department => (OrganizationKind?)null,
            OrganizationKind.DistrictOffice => OrganizationKind.Department,
            _ => OrganizationKind.DistrictOffice,
        };
        if (expectedParent is null)
        {
            if (organization.ParentId is not null)
            {
                throw new RecipeStepException(RecipeJson.Child(path, "ParentId"), "A Department is at the top of the tree and has no parent.");
            }
        }
        else if (parent is null || parent.Kind != expectedParent)
        {
            throw new RecipeStepException(RecipeJson.Child(path, "ParentId"),
                $"A {organization.Kind} needs a ParentId naming an existing {expectedParent}.");
        }

        if (organization.ClusterId is not null)
        {
            var cluster = Find(organization.ClusterId);
            if (organization.Kind != OrganizationKind.School || cluster is null || cluster.Kind != OrganizationKind.Cluster
                || cluster.ParentId != organization.ParentId)
            {
                throw new RecipeStepException(RecipeJson.Child(path, "ClusterId"),
                    "ClusterId must name a cluster of the school's own district office.");
            }
        }
    }
}
