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

    /// <summary>
    /// The node of a page that adds none of its own (lists, results pages, the honour roll, …), from what its head already
    /// says: an <c>Article</c> when the page is one (<c>og:type</c> article, such as a results page, with its publication
    /// time), otherwise a <c>WebPage</c>; its name, description, address, picture and language, part of the site.
    /// </summary>
    public static JsonObject Page(string? title, string? description, string url, bool isArticle, DateTime? publishedUtc,
        string? imageUrl, string siteName, string siteUrl, TimeZoneInfo zone)
    {
        var node = JsonLd.Node(isArticle ? "Article" : "WebPage");
        node["@id"] = url + "#trang";
        node["url"] = url;
        node.Text("name", title ?? siteName).Text("description", description);
        if (isArticle)
        {
            node.Text("headline", title);
        }

        node["inLanguage"] = "vi";
        if (publishedUtc is { } published)
        {
            node["datePublished"] = JsonLd.Date(published, zone);
        }

        node.Text("image", imageUrl);
        node["isPartOf"] = new JsonObject { ["@type"] = "WebSite", ["name"] = siteName, ["url"] = siteUrl };
        return node;
    }

    /// <summary>The home page's WebSite node: the site's name, address, language and its search (<c>/tim-kiem?q=</c>).</summary>
    public static JsonObject WebSite(string siteName, string? alternateName, string? description, Func<string, string> absolute)
    {
        var node = JsonLd.Node("WebSite");
        node["@id"] = absolute("/") + "#website";
        node["url"] = absolute("/");
        node.Text("name", siteName).Text("alternateName", alternateName).Text("description", description);
        node["inLanguage"] = "vi";
        node["potentialAction"] = new JsonObject
        {
            ["@type"] = "SearchAction",
            ["target"] = new JsonObject
            {
                ["@type"] = "EntryPoint",
                ["urlTemplate"] = absolute("/tim-kiem") + "?q={search_term_string}",
            },
            ["query-input"] = "required name=search_term_string",
        };
        return node;
    }
}
