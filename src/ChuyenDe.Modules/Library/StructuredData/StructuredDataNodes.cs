using System.Text.Json.Nodes;
using ChuyenDe.Modules.Library.Units;
using ChuyenDe.Modules.Organizations;

namespace ChuyenDe.Modules.Library.StructuredData;

/// <summary>The schema.org nodes shared by every page: the BreadcrumbList of a trail, the nodes of units.</summary>
public static class StructuredDataNodes
{
    /// <summary>
    /// The BreadcrumbList of a page's trail (<see cref="Breadcrumbs.Trail"/>): one ListItem per step, positions from 1,
    /// each with its name and absolute address.
    /// </summary>
    public static JsonObject BreadcrumbList(IReadOnlyList<Crumb> trail, Func<string, string> absolute)
    {
        var list = JsonLd.Node("BreadcrumbList");
        list["itemListElement"] = new JsonArray([.. trail.Select((crumb, i) => (JsonNode)new JsonObject
        {
            ["@type"] = "ListItem",
            ["position"] = i + 1,
            ["name"] = crumb.Text,
            ["item"] = absolute(crumb.Url),
        })]);
        return list;
    }

    /// <summary>The schema.org type of a unit: a school is a <c>Preschool</c>, the Department, offices and clusters are <c>EducationalOrganization</c>s.</summary>
    public static string TypeOf(OrganizationKind kind) => kind == OrganizationKind.School ? "Preschool" : "EducationalOrganization";

    /// <summary>A unit as a nested node: its type, name, alternate (short) name and, while it is active, its page.</summary>
    public static JsonObject Organization(Organization unit, Func<string, string> absolute)
    {
        var node = JsonLd.Thing(TypeOf(unit.Kind)).Text("name", unit.Name).Text("alternateName", unit.ShortName);
        if (unit.Active)
        {
            node["url"] = absolute(UnitAddresses.Of(unit.Id));
            node["@id"] = absolute(UnitAddresses.Of(unit.Id)) + "#donvi";
        }

        return node;
    }

    /// <summary>
    /// A unit's page (<c>/don-vi/{id}</c>): the unit as a <c>Preschool</c> or <c>EducationalOrganization</c> with its
    /// name, short name and description; the unit it belongs to (<c>parentOrganization</c>, its parent in the tree) and
    /// its cluster (<c>memberOf</c>); the units whose parent it is (<c>subOrganization</c>) and, for a cluster, its
    /// schools (<c>member</c>).
    /// </summary>
    public static JsonObject UnitPage(Organization unit, IReadOnlyList<Organization> above, IReadOnlyList<OrganizationNode> below,
        string description, Func<string, string> absolute)
    {
        var url = absolute(UnitAddresses.Of(unit.Id));
        var node = JsonLd.Node(TypeOf(unit.Kind));
        node["@id"] = url + "#donvi";
        node["url"] = url;
        node.Text("name", unit.Name).Text("alternateName", unit.ShortName).Text("description", description);
        if (above.FirstOrDefault(o => o.Id == unit.ParentId) is { } parent)
        {
            node["parentOrganization"] = Organization(parent, absolute);
        }

        if (above.FirstOrDefault(o => o.Id == unit.ClusterId) is { } cluster)
        {
            node["memberOf"] = Organization(cluster, absolute);
        }

        var units = Flatten(below).DistinctBy(o => o.Id).ToList();
        node.Many("subOrganization", units.Where(o => o.ParentId == unit.Id).Select(o => (JsonNode)Organization(o, absolute)));
        node.Many("member", units.Where(o => o.ClusterId == unit.Id).Select(o => (JsonNode)Organization(o, absolute)));
        return node;
    }

    private static IEnumerable<Organization> Flatten(IEnumerable<OrganizationNode> nodes)
        => nodes.SelectMany(n => Flatten(n.Children).Prepend(n.Organization));
}
