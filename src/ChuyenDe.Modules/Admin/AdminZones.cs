using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;

namespace ChuyenDe.Modules.Admin;

/// <summary>
/// Places in the back-office pages where other modules put a view component: the header (the notification badge), the
/// dashboard (the unread notifications) and beside a content item's editor and detail page (the workflow panel). A
/// page renders its zone with <see cref="AdminZoneRendering.InvokeZoneAsync"/>, so it names no component of another
/// module, and a module that is left out simply contributes nothing.
/// </summary>
public static class AdminZones
{
    public const string Header = "Header";
    public const string Dashboard = "Dashboard";

    /// <summary>Beside a content item; the component's InvokeAsync takes <c>contentItemId</c>.</summary>
    public const string ContentItem = "ContentItem";
}

/// <summary>A view component a module puts in a zone (registered with <see cref="AdminZoneRendering.AddAdminZoneComponent{TComponent}"/>).</summary>
public sealed record AdminZoneComponent(string Zone, Type ViewComponent);

public static class AdminZoneRendering
{
    /// <summary>Puts a view component in an admin zone.</summary>
    public static IServiceCollection AddAdminZoneComponent<TComponent>(this IServiceCollection services, string zone)
        where TComponent : ViewComponent
        => services.AddSingleton(new AdminZoneComponent(zone, typeof(TComponent)));

    /// <summary>Renders the components of a zone, in the order they were registered, with the same arguments.</summary>
    public static async Task<IHtmlContent> InvokeZoneAsync(this IViewComponentHelper components, IEnumerable<AdminZoneComponent> registered, string zone, object? arguments = null)
    {
        var content = new HtmlContentBuilder();
        foreach (var component in registered.Where(c => c.Zone == zone))
        {
            content.AppendHtml(await components.InvokeAsync(component.ViewComponent, arguments));
        }

        return content;
    }
}
