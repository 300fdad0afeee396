using ChuyenDe.Modules.Admin;
using ChuyenDe.Modules.Audit;
using ChuyenDe.Modules.Contents;
using ChuyenDe.Modules.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace ChuyenDe.Modules.Organizations;

/// <summary>What the create and edit forms post. Strings throughout, so that the form's own messages are the only ones.</summary>
public sealed class OrganizationForm
{
    public string? Id { get; set; }
    public string? Kind { get; set; }
    public string? Name { get; set; }
    public string? ShortName { get; set; }
    public string? ParentId { get; set; }
    public string? ClusterId { get; set; }

    public static OrganizationForm From(Organization unit) => new()
    {
        Id = unit.Id,
        Kind = unit.Kind.ToString(),
        Name = unit.Name,
        ShortName = unit.ShortName,
        ParentId = unit.ParentId,
        ClusterId = unit.ClusterId,
    };
}

/// <summary>The outcome of a change: errors to show, or a refusal (403) when the user may not do it at all.</summary>
public sealed record AdminChange(IReadOnlyList<FormError> Errors, bool Forbidden = false)
{
    public static readonly AdminChange Done = new([]);

    public bool Succeeded => !Forbidden && Errors.Count == 0;

    public static AdminChange Refused() => new([], Forbidden: true);

    public static AdminChange Error(string field, string message, params object[] args) => new([new FormError(field, message, args)]);
}

/// <summary>
/// Creates, renames, moves, deactivates and deletes organisations for the admin, keeping the tree's rules
/// (<see cref="OrganizationRules"/>) and the acting user's scope: only units inside their subtree, administrators all.
/// </summary>
public interface IOrganizationAdminService
{
    /// <summary>The unit when it exists and the user may manage it; null otherwise (shown as 404).</summary>
    Task<Organization?> FindManageableAsync(UserScope actor, string id, CancellationToken ct);

    /// <summary>The units the user may manage, in tree order.</summary>
    Task<IReadOnlyList<OrganizationNode>> ManageableTreeAsync(UserScope actor, CancellationToken ct);

    /// <summary>Users and content items per unit.</summary>
    Task<IReadOnlyDictionary<OrganizationUsageKind, IReadOnlyDictionary<string, int>>> CountAsync(IReadOnlyCollection<string> ids, CancellationToken ct);

    Task<(Organization? Created, AdminChange Change)> CreateAsync(UserScope actor, OrganizationForm form, CancellationToken ct);

    /// <summary>Renames the unit and moves it (another parent; for a school, another cluster or none).</summary>
    Task<AdminChange> UpdateAsync(UserScope actor, Organization unit, OrganizationForm form, CancellationToken ct);

    Task<AdminChange> SetActiveAsync(UserScope actor, Organization unit, bool active, CancellationToken ct);

    /// <summary>Deletes a unit that owns nothing: no units below it, no users, no content.</summary>
    Task<AdminChange> DeleteAsync(UserScope actor, Organization unit, CancellationToken ct);

    /// <summary>Why the unit may not be deleted, or null when it owns nothing.</summary>
    Task<FormError?> WhyNotDeletableAsync(Organization unit, CancellationToken ct);
}

internal sealed class OrganizationAdminService(
    DbContext db,
    OrganizationService organizations,
    IEnumerable<IOrganizationUsage> usages,
    TimeProvider clock,
    IAuditTrail audit,
    ILogger<OrganizationAdminService> logger) : IOrganizationAdminService
{
    public const int MaxNameLength = 256;
    public const int MaxShortNameLength = 128;

    public async Task<Organization?> FindManageableAsync(UserScope actor, string id, CancellationToken ct)
        => await organizations.GetAsync(id, ct) is { } unit && actor.InScope(unit.Id) ? unit : null;

    public async Task<IReadOnlyList<OrganizationNode>> ManageableTreeAsync(UserScope actor, CancellationToken ct)
        => OrganizationTree.Build(await organizations.ListAsync(ct), o => actor.InScope(o.Id));

    public async Task<IReadOnlyDictionary<OrganizationUsageKind, IReadOnlyDictionary<string, int>>> CountAsync(
        IReadOnlyCollection<string> ids, CancellationToken ct)
    {
        var result = new Dictionary<OrganizationUsageKind, IReadOnlyDictionary<string, int>>();
        foreach (var usage in usages)
        {
            var counts = await usage.CountByOrganizationAsync(ids, ct);
            result[usage.Kind] = result.TryGetValue(usage.Kind, out var earlier)
                ? earlier.Concat(counts).GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.Sum(p => p.Value))
                : counts;
        }

        return result;
    }

    public async Task<(Organization? Created, AdminChange Change)> CreateAsync(UserScope actor, OrganizationForm form, CancellationToken ct)
    {
        var errors = new List<FormError>();
        var all = await organizations.ListAsync(ct);
        var name = Clean(form.Name);
        var shortName = Clean(form.ShortName);
        CheckNames(name, shortName, errors);

        OrganizationKind? kind = Enum.TryParse<OrganizationKind>(form.Kind, false, out var k) && Enum.IsDefined(k) ? k : null;
        if (kind is null)
        {
            errors.Add(new("Kind", "Choose the kind of unit."));
        }
        else if (kind == OrganizationKind.Department && !actor.IsAdministrator)
        {
            errors.Add(new("Kind", "Only administrators can create a Department."));
        }

        var id = Clean(form.Id)?.ToLowerInvariant();
        if (id is not null)
        {
            if (!OrganizationRules.IsValidId(id))
            {
                errors.Add(new("Id", "The code may contain only the letters a–z without tone marks, digits and '-', at most {0} characters.", OrganizationRules.MaxIdLength));
            }
            else if (all.Any(o => o.Id == id))
            {
                errors.Add(new("Id", "This code is already used by another unit."));
            }
        }

        var parentId = Clean(form.ParentId);
        var clusterId = Clean(form.ClusterId);
        if (kind is { } unitKind)
        {
            CheckPlace(actor, all, null, unitKind, parentId, clusterId, errors);
        }

        if (errors.Count > 0)
        {
            return (null, new AdminChange(errors));
        }

        var unit = new Organization
        {
            Id = id ?? NewId(all, shortName ?? name!),
            Name = name!,
            ShortName = shortName,
            Kind = kind!.Value,
            ParentId = kind == OrganizationKind.Department ? null : parentId,
            ClusterId = kind == OrganizationKind.School ? clusterId : null,
            Active = true,
            CreatedUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.Add(unit);
        try
        {
            // Saves the unit and its audit entry together.
            await audit.RecordAsync(new AuditEntry
            {
                Category = AuditCategories.Organization, Action = AuditActions.OrganizationCreated, Subject = unit.Name, OrganizationId = unit.Id,
                Details = AuditDetails.Fields(("Id", null, unit.Id), ("Kind", null, unit.Kind.ToString()), ("ParentId", null, unit.ParentId), ("ClusterId", null, unit.ClusterId)),
            }, ct);
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.Entry(unit).State = EntityState.Detached;
            return (null, AdminChange.Error("Id", "This code is already used by another unit."));
        }

        organizations.Invalidate();
        logger.LogInformation("Organisation {OrganizationId} ({Kind}) created under {ParentId} by {UserName}", unit.Id, unit.Kind, unit.ParentId, actor.UserName);
        return (unit, AdminChange.Done);
    }

    public async Task<AdminChange> UpdateAsync(UserScope actor, Organization unit, OrganizationForm form, CancellationToken ct)
    {
        var errors = new List<FormError>();
        var all = await organizations.ListAsync(ct);
        var name = Clean(form.Name);
        var shortName = Clean(form.ShortName);
        CheckNames(name, shortName, errors);
        var parentId = unit.Kind == OrganizationKind.Department ? null : Clean(form.ParentId);
        var clusterId = unit.Kind == OrganizationKind.School ? Clean(form.ClusterId) : null;
        CheckPlace(actor, all, unit, unit.Kind, parentId, clusterId, errors);
        if (unit.Kind == OrganizationKind.Cluster && parentId != unit.ParentId && all.Any(o => o.ClusterId == unit.Id))
        {
            errors.Add(new("ParentId", "This cluster still groups schools of its district office; take them out of the cluster before moving it."));
        }

        if (errors.Count > 0)
        {
            return new AdminChange(errors);
        }

        var stored = await db.Set<Organization>().FirstAsync(o => o.Id == unit.Id, ct);
        var moved = stored.ParentId != parentId || stored.ClusterId != clusterId;
        var renamed = stored.Name != name || stored.ShortName != shortName;
        stored.Name = name!;
        stored.ShortName = shortName;
        stored.ParentId = parentId;
        stored.ClusterId = clusterId;
        if (renamed)
        {
            await audit.RecordAsync(new AuditEntry
            {
                Category = AuditCategories.Organization, Action = AuditActions.OrganizationRenamed, Subject = stored.Name, OrganizationId = unit.Id,
                Details = AuditDetails.Fields(("Name", unit.Name, stored.Name), ("ShortName", unit.ShortName, stored.ShortName)),
            }, ct);
        }

        if (moved)
        {
            await audit.RecordAsync(new AuditEntry
            {
                Category = AuditCategories.Organization, Action = AuditActions.OrganizationMoved, Subject = stored.Name, OrganizationId = unit.Id,
                Details = AuditDetails.Fields(("ParentId", unit.ParentId, parentId), ("ClusterId", unit.ClusterId, clusterId)),
            }, ct);
        }

        await db.SaveChangesAsync(ct);
        organizations.Invalidate();
        if (renamed)
        {
            logger.LogInformation("Organisation {OrganizationId} renamed to {Name} by {UserName}", unit.Id, stored.Name, actor.UserName);
        }

        if (moved)
        {
            logger.LogInformation("Organisation {OrganizationId} moved from {OldParentId}/{OldClusterId} to {ParentId}/{ClusterId} by {UserName}",
                unit.Id, unit.ParentId, unit.ClusterId, parentId, clusterId, actor.UserName);
        }

        return AdminChange.Done;
    }

    public async Task<AdminChange> SetActiveAsync(UserScope actor, Organization unit, bool active, CancellationToken ct)
    {
        if (unit.Active == active)
        {
            return AdminChange.Done;
        }

        var all = await organizations.ListAsync(ct);
        if (!active)
        {
            if (unit.Id == actor.OrganizationId)
            {
                // Deactivating one's own unit would end one's own scope.
                return AdminChange.Refused();
            }

            if (all.Any(o => o.Active && (o.ParentId == unit.Id || o.ClusterId == unit.Id)))
            {
                return AdminChange.Error("", "Units below this one are still active; deactivate them first.");
            }
        }
        else
        {
            if (unit.ParentId is not null && all.FirstOrDefault(o => o.Id == unit.ParentId) is { Active: false } parent)
            {
                return AdminChange.Error("", "The unit it belongs to, {0}, is inactive; reactivate that first.", parent.Name);
            }

            if (unit.ClusterId is not null && all.FirstOrDefault(o => o.Id == unit.ClusterId) is { Active: false } cluster)
            {
                return AdminChange.Error("", "Its cluster, {0}, is inactive; reactivate the cluster first or take the school out of it.", cluster.Name);
            }
        }

        var stored = await db.Set<Organization>().FirstAsync(o => o.Id == unit.Id, ct);
        stored.Active = active;
        await audit.RecordAsync(new AuditEntry
        {
            Category = AuditCategories.Organization, Action = active ? AuditActions.OrganizationReactivated : AuditActions.OrganizationDeactivated,
            Subject = unit.Name, OrganizationId = unit.Id,
        }, ct);
        await db.SaveChangesAsync(ct);
        organizations.Invalidate();
        logger.LogInformation("Organisation {OrganizationId} {Change} by {UserName}", unit.Id, active ? "reactivated" : "deactivated", actor.UserName);
        return AdminChange.Done;
    }

    public async Task<AdminChange> DeleteAsync(UserScope actor, Organization unit, CancellationToken ct)
    {
        if (unit.Id == actor.OrganizationId)
        {
            return AdminChange.Refused();
        }

        var problem = await WhyNotDeletableAsync(unit, ct);
        if (problem is not null)
        {
            return new AdminChange([problem]);
        }

        var stored = await db.Set<Organization>().FirstAsync(o => o.Id == unit.Id, ct);
        db.Remove(stored);
        // The unit is gone from the tree: the entry belongs to the unit above it (or to the unit's id for a Department).
        await audit.RecordAsync(new AuditEntry
        {
            Category = AuditCategories.Organization, Action = AuditActions.OrganizationDeleted, Subject = unit.Name,
            OrganizationId = unit.ParentId ?? unit.Id, Details = AuditDetails.Fields(("Id", unit.Id, null)),
        }, ct);
        await db.SaveChangesAsync(ct);
        organizations.Invalidate();
        logger.LogInformation("Organisation {OrganizationId} ({Name}) deleted by {UserName}", unit.Id, unit.Name, actor.UserName);
        return AdminChange.Done;
    }

    public async Task<FormError?> WhyNotDeletableAsync(Organization unit, CancellationToken ct)
    {
        var all = await organizations.ListAsync(ct);
        if (all.Any(o => o.ParentId == unit.Id || o.ClusterId == unit.Id))
        {
            return new FormError("", "Other units belong to this one; move or delete them first.");
        }

        var counts = await CountAsync([unit.Id], ct);
        var users = counts.GetValueOrDefault(OrganizationUsageKind.Users)?.GetValueOrDefault(unit.Id) ?? 0;
        var items = counts.GetValueOrDefault(OrganizationUsageKind.ContentItems)?.GetValueOrDefault(unit.Id) ?? 0;
        return users + items > 0
            ? new FormError("", "This unit has {0} users and {1} content items, so it cannot be deleted. Deactivate it instead.", users, items)
            : null;
    }

    private static void CheckNames(string? name, string? shortName, List<FormError> errors)
    {
        if (name is null)
        {
            errors.Add(new("Name", "Enter the name of the unit."));
        }
        else if (name.Length > MaxNameLength)
        {
            errors.Add(new("Name", "The name may have at most {0} characters.", MaxNameLength));
        }

        if (shortName is { Length: > MaxShortNameLength })
        {
            errors.Add(new("ShortName", "The short name may have at most {0} characters.", MaxShortNameLength));
        }
    }

    /// <summary>The parent and cluster rules, with the user's scope for any place that changes.</summary>
    private static void CheckPlace(UserScope actor, IReadOnlyList<Organization> all, Organization? unit, OrganizationKind kind,
        string? parentId, string? clusterId, List<FormError> errors)
    {
        Organization? Find(string? id) => id is null ? null : all.FirstOrDefault(o => o.Id == id);

        var parent = Find(parentId);
        var parentChanged = unit is null || unit.ParentId != parentId;
        if (OrganizationRules.ExpectedParentKind(kind) is { } expected)
        {
            if (parentId is null)
            {
                errors.Add(new("ParentId", "Choose the unit it belongs to."));
            }
            else if (!OrganizationRules.ParentFits(kind, parentId, parent))
            {
                errors.Add(new("ParentId", expected == OrganizationKind.Department
                    ? "A district office belongs to a Department (Sở GD&ĐT)."
                    : "A school or a cluster belongs to a district office (Phòng GD&ĐT)."));
            }
            else if (parentChanged && !actor.InScope(parentId))
            {
                errors.Add(new("ParentId", "Choose a unit that you manage."));
            }
            else if (parentChanged && parent is { Active: false })
            {
                errors.Add(new("ParentId", "This unit is inactive; choose an active one."));
            }
        }

        if (clusterId is null || (unit is not null && unit.ClusterId == clusterId && unit.ParentId == parentId))
        {
            return;
        }

        var cluster = Find(clusterId);
        if (!OrganizationRules.ClusterFits(kind, parentId, clusterId, cluster))
        {
            errors.Add(new("ClusterId", kind == OrganizationKind.School
                ? "Choose a cluster of the school's own district office."
                : "Only a school belongs to a cluster."));
        }
        else if (!actor.InScope(clusterId))
        {
            errors.Add(new("ClusterId", "Choose a unit that you manage."));
        }
        else if (cluster is { Active: false })
        {
            errors.Add(new("ClusterId", "This unit is inactive; choose an active one."));
        }
    }

    private static string NewId(IReadOnlyList<Organization> all, string name)
    {
        var slug = Slugs.Slugify(name);
        if (slug.Length == 0)
        {
            slug = "don-vi";
        }

        slug = slug.Length > OrganizationRules.MaxIdLength - 4 ? slug[..(OrganizationRules.MaxIdLength - 4)].TrimEnd('-') : slug;
        var candidate = slug;
        for (var i = 2; all.Any(o => o.Id == candidate); i++)
        {
            candidate = $"{slug}-{i}";
        }

        return candidate;
    }

    private static string? Clean(string? text)
        => string.IsNullOrWhiteSpace(text) ? null : text.Trim().Normalize();
}
