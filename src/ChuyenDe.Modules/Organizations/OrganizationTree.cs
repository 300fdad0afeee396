namespace ChuyenDe.Modules.Organizations;

public static class OrganizationTree
{
    /// <summary>
    /// The visible units as a tree: Department → district offices → clusters → their schools, then the district's
    /// schools without a cluster. A unit whose parent is not visible is a root.
    /// </summary>
    public static IReadOnlyList<OrganizationNode> Build(IReadOnlyList<Organization> all, Func<Organization, bool> visible)
    {
        var shown = all.Where(visible).ToList();
        var byId = shown.ToDictionary(o => o.Id, StringComparer.Ordinal);
        string? TreeParent(Organization o)
            => o.Kind == OrganizationKind.School && o.ClusterId is { } cluster && byId.ContainsKey(cluster) ? cluster
                : o.ParentId is { } parent && byId.ContainsKey(parent) ? parent : null;

        var children = shown.Where(o => TreeParent(o) is not null).ToLookup(o => TreeParent(o)!, StringComparer.Ordinal);
        var comparer = StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("vi-VN"), ignoreCase: true);
        IReadOnlyList<OrganizationNode> Nodes(IEnumerable<Organization> units, int depth)
            => depth > 8
                ? []
                : units.OrderBy(o => o.Kind == OrganizationKind.Cluster ? 0 : 1).ThenBy(o => o.Name, comparer)
                    .Select(o => new OrganizationNode(o, Nodes(children[o.Id], depth + 1))).ToList();

        return Nodes(shown.Where(o => TreeParent(o) is null).OrderBy(o => o.Kind), 0);
    }

    /// <summary>The tree in reading order with each unit's depth, e.g. for a select list.</summary>
    public static IReadOnlyList<(Organization Organization, int Depth)> Flatten(IReadOnlyList<OrganizationNode> roots)
    {
        var result = new List<(Organization, int)>();
        void Walk(IReadOnlyList<OrganizationNode> nodes, int depth)
        {
            foreach (var node in nodes)
            {
                result.Add((node.Organization, depth));
                Walk(node.Children, depth + 1);
            }
        }

        Walk(roots, 0);
        return result;
    }
}
