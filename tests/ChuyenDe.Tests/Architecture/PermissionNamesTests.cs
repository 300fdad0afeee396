using System.Text.RegularExpressions;
using ChuyenDe.Modules.Contents;
using ChuyenDe.Modules.Security;

namespace ChuyenDe.Tests.Architecture;

/// <summary>
/// Permission names are constants of their module's permission class: the provider that registers a permission
/// (<c>ContentPermissions</c>, <c>MediaPermissions</c>, …, each in a file named after it) is the only source file of the
/// site where its name may be written as a string literal; everything else names it by the constant
/// (<c>[RequirePermission(UsersPermissions.ManageUsers)]</c>, <c>scope.Has(ContentPermissions.EditContent)</c>).
/// </summary>
public sealed class PermissionNamesTests
{
    [Fact]
    public void Each_registered_permission_is_named_by_a_literal_only_in_its_provider()
    {
        var root = RepositoryRoot();
        var providers = RegisteredPermissions();
        var providerFiles = providers.Values.Distinct().ToDictionary(type => type, type => ProviderFile(root, type));
        var allowedFile = providers.ToDictionary(pair => pair.Key, pair => providerFiles[pair.Value], StringComparer.Ordinal);

        var offences = FindLiterals(SourceFiles(root), allowedFile);

        Assert.True(offences.Count == 0, "Permission names written as literals (use the constant of the permission's provider):\n" + string.Join("\n", offences));
    }

    [Fact]
    public void The_rule_sees_every_permission_of_the_site()
    {
        var names = RegisteredPermissions().Keys.ToHashSet(StringComparer.Ordinal);

        // One of each module that declares permissions.
        Assert.Superset(new HashSet<string>(["AccessAdmin", "EditContent", "ManageMedia", "ManageSettings", "ApplyRecipes", "ViewAuditTrail",
            "RebuildSearchIndex", "SubmitContent", "CurateContent", "ManageOrganizations"]), names);
    }

    [Fact]
    public void A_literal_outside_the_provider_is_reported_and_a_longer_name_or_the_provider_itself_is_not()
    {
        var allowed = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["ViewContent"] = "Contents/ContentPermissions.cs",
            ["ViewContentHistory"] = "Contents/ContentPermissions.cs",
        };
        (string Path, string Text)[] files =
        [
            ("Contents/ContentPermissions.cs", "new(\"ViewContent\", \"View published content\"),"),
            ("Library/SiteController.cs", "if (scope.Has(ContentPermissions.ViewContent))\nreturn scope.Has(\"ViewContent\");"),
            ("History/HistoryController.cs", "var name = \"ViewContentHistoryPage\";"),
            ("Search/Views/SearchAdmin/Index.cshtml", "@if (Model.Scope.Has(\"ViewContentHistory\")) { }"),
        ];

        var offences = FindLiterals(files, allowed);

        Assert.Equal(
            ["Library/SiteController.cs:2: \"ViewContent\"", "Search/Views/SearchAdmin/Index.cshtml:1: \"ViewContentHistory\""],
            offences);
    }

    /// <summary>Every permission registered by a provider of the modules assembly, with its provider's type.</summary>
    private static Dictionary<string, Type> RegisteredPermissions()
    {
        var result = new Dictionary<string, Type>(StringComparer.Ordinal);
        foreach (var type in typeof(ContentItem).Assembly.GetTypes()
                     .Where(t => t is { IsAbstract: false, IsInterface: false } && typeof(IPermissionProvider).IsAssignableFrom(t)))
        {
            var provider = (IPermissionProvider)Activator.CreateInstance(type, nonPublic: true)!;
            foreach (var permission in provider.GetPermissions())
            {
                Assert.True(result.TryAdd(permission.Name, type), $"{permission.Name} is registered by {result.GetValueOrDefault(permission.Name)?.Name} and {type.Name}.");
            }
        }

        return result;
    }

    /// <summary>The provider's file, <c>&lt;Module&gt;/&lt;Type&gt;.cs</c>, relative to the modules folder.</summary>
    private static string ProviderFile(string root, Type provider)
    {
        var module = provider.Namespace!.Split('.')[2];
        var path = $"{module}/{provider.Name}.cs";
        Assert.True(File.Exists(Path.Combine(root, "src", "ChuyenDe.Modules", module, provider.Name + ".cs")),
            $"The permission provider {provider.FullName} must live in src/ChuyenDe.Modules/{path}.");
        return path;
    }

    /// <summary>The sources of the site (modules and host, views included, migrations left out), relative to the modules folder.</summary>
    private static IEnumerable<(string Path, string Text)> SourceFiles(string root)
    {
        var modules = Path.Combine(root, "src", "ChuyenDe.Modules");
        foreach (var folder in new[] { modules, Path.Combine(root, "src", "ChuyenDe.Cms") })
        {
            foreach (var file in Directory.EnumerateFiles(folder, "*.*", SearchOption.AllDirectories)
                         .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal)))
            {
                var relative = Path.GetRelativePath(modules, file).Replace(Path.DirectorySeparatorChar, '/');
                var parts = relative.Split('/');
                if (parts.Contains("obj") || parts.Contains("bin") || parts.Contains("Migrations"))
                {
                    continue;
                }

                yield return (relative, File.ReadAllText(file));
            }
        }
    }

    /// <summary>"path:line: "Name"" for each permission name written as a literal outside the file allowed for it.</summary>
    internal static List<string> FindLiterals(IEnumerable<(string Path, string Text)> files, IReadOnlyDictionary<string, string> allowedFile)
    {
        var literal = new Regex("\"(" + string.Join("|", allowedFile.Keys.OrderByDescending(name => name.Length).Select(Regex.Escape)) + ")\"");
        var offences = new List<string>();
        foreach (var (path, text) in files)
        {
            var lines = text.Split('\n');
            for (var i = 0; i < lines.Length; i++)
            {
                foreach (Match match in literal.Matches(lines[i]))
                {
                    if (allowedFile[match.Groups[1].Value] != path)
                    {
                        offences.Add($"{path}:{i + 1}: {match.Value}");
                    }
                }
            }
        }

        return offences.Order(StringComparer.Ordinal).ToList();
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "ChuyenDe.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("ChuyenDe.sln not found above " + AppContext.BaseDirectory);
    }
}
