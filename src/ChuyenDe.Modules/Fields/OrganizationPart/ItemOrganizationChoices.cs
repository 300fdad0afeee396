using System.Globalization;
using ChuyenDe.Modules.Contents;
using ChuyenDe.Modules.Organizations;
using ChuyenDe.Modules.Security;

namespace ChuyenDe.Modules.Fields.OrganizationPart;

/// <summary>The organisations a user may give an item, in tree order.</summary>
public sealed record ItemOrganizationChoices(IReadOnlyList<Organization> Options, bool NoneAllowed)
{
    /// <summary>The only possible organisation (a school contributor's school), forced on the server.</summary>
    public string? Fixed => Options.Count == 1 && !NoneAllowed ? Options[0].Id : null;

    /// <summary>
    /// The organisations in the user's scope (active ones, plus the item's current one), in tree order. Only
    /// administrators create items without an organisation; an item that already has none keeps it for those who see it.
    /// </summary>
    public static ItemOrganizationChoices For(UserScope scope, IReadOnlyList<Organization> all, ContentItem? existing)
    {
        var current = existing?.OrganizationId;
        var options = TreeOrder(all)
            .Where(o => (o.Active || o.Id == current) && (scope.IsAdministrator || scope.OrganizationIds.Contains(o.Id)))
            .ToList();
        if (current is not null && options.All(o => o.Id != current) && scope.InScope(current))
        {
            options.Add(new Organization { Id = current, Name = current });
        }

        var noneAllowed = scope.IsAdministrator || (existing is not null && current is null && scope.SeesUnassigned);
        return new ItemOrganizationChoices(options, noneAllowed);
    }

    /// <summary>How deep an organisation is in the tree (0: at the top).</summary>
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
}
