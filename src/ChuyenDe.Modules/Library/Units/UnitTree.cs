using ChuyenDe.Modules.Contents;
using ChuyenDe.Modules.Organizations;

namespace ChuyenDe.Modules.Library.Units;

/// <summary>
/// The tree of the public unit pages, over the active units only: a school sits under its cluster when it has an
/// active one, otherwise under its district office, as in the admin (<see cref="OrganizationTree"/>).
/// </summary>
public static class UnitTree
{
    /// <summary>The active units above <paramref name="unit"/>, from the top (Sở, Phòng, Cụm).</summary>
    public static IReadOnlyList<Organization> Above(Organization unit, IReadOnlyList<Organization> all)
    {
        var active = all.Where(o => o.Active).ToDictionary(o => o.Id, StringComparer.Ordinal);
        var above = new List<Organization>();
        var current = unit;
        for (var guard = 0; guard < 8 && Parent(current, active) is { } parent && parent.Id != unit.Id; guard++)
        {
            above.Insert(0, parent);
            current = parent;
        }

        return above;
    }

    /// <summary>The active unit directly above in the tree: a school's cluster, else its parent; null at the top.</summary>
    private static Organization? Parent(Organization unit, IReadOnlyDictionary<string, Organization> active)
        => unit.Kind == OrganizationKind.School && unit.ClusterId is { } cluster && active.TryGetValue(cluster, out var c) ? c
            : unit.ParentId is { } parent && active.TryGetValue(parent, out var p) ? p : null;

    /// <summary>The node of <paramref name="id"/> in the tree, or null.</summary>
    public static OrganizationNode? Find(IReadOnlyList<OrganizationNode> nodes, string id)
    {
        foreach (var node in nodes)
        {
            if (node.Organization.Id == id)
            {
                return node;
            }

            if (Find(node.Children, id) is { } found)
            {
                return found;
            }
        }

        return null;
    }

    /// <summary>How many units a node holds below it, at every depth.</summary>
    public static int CountBelow(OrganizationNode node) => node.Children.Sum(c => 1 + CountBelow(c));

    /// <summary>
    /// The active units whose name or short name holds every word of <paramref name="query"/>, ignoring case and tone
    /// marks ("ben thanh" finds "Trường Mầm non Bến Thành"), schools first, then by name.
    /// </summary>
    public static IReadOnlyList<Organization> Search(IReadOnlyList<Organization> all, string query, int max)
    {
        var words = Slugs.Fold(query).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
        {
            return [];
        }

        var comparer = StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("vi-VN"), ignoreCase: true);
        return all.Where(o => o.Active)
            .Where(o =>
            {
                var text = Slugs.Fold(o.Name + " " + o.ShortName);
                return words.All(w => text.Contains(w, StringComparison.Ordinal));
            })
            .OrderByDescending(o => o.Kind).ThenBy(o => o.Name, comparer)
            .Take(max)
            .ToList();
    }
}
