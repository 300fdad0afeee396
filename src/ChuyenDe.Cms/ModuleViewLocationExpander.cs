using System.Reflection;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.Razor;

namespace ChuyenDe.Cms;

/// <summary>
/// Finds each module's views beside its code: <c>/{Module}/Views/{Controller}/{View}.cshtml</c> for a controller of the
/// namespace <c>ChuyenDe.Modules.{Module}</c>, then its module's <c>Views/Shared</c>, then every module's
/// <c>Views/Shared</c> (layouts, partials and view components that a module offers to the others).
/// </summary>
public sealed class ModuleViewLocationExpander : IViewLocationExpander
{
    private const string ModuleKey = "module";
    private const string NamespacePrefix = "ChuyenDe.Modules.";
    private readonly IReadOnlyList<string> _shared;

    public ModuleViewLocationExpander(Assembly modules)
    {
        _shared = modules.GetTypes()
            .Select(t => t.Namespace)
            .Where(ns => ns is not null && ns.StartsWith(NamespacePrefix, StringComparison.Ordinal))
            .Select(ns => ns![NamespacePrefix.Length..].Split('.')[0])
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .Select(module => $"/{module}/Views/Shared/{{0}}.cshtml")
            .ToList();
    }

    public void PopulateValues(ViewLocationExpanderContext context)
    {
        if (context.ActionContext.ActionDescriptor is ControllerActionDescriptor action
            && action.ControllerTypeInfo.Namespace is { } ns && ns.StartsWith(NamespacePrefix, StringComparison.Ordinal))
        {
            context.Values[ModuleKey] = ns[NamespacePrefix.Length..].Split('.')[0];
        }
    }

    public IEnumerable<string> ExpandViewLocations(ViewLocationExpanderContext context, IEnumerable<string> viewLocations)
    {
        if (context.Values.TryGetValue(ModuleKey, out var module) && module is not null)
        {
            yield return $"/{module}/Views/{{1}}/{{0}}.cshtml";
            yield return $"/{module}/Views/Shared/{{0}}.cshtml";
        }

        foreach (var location in _shared)
        {
            yield return location;
        }

        foreach (var location in viewLocations)
        {
            yield return location;
        }
    }
}
