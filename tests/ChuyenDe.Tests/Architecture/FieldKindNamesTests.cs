using System.Reflection;
using System.Text.RegularExpressions;
using ChuyenDe.Modules.Contents;

namespace ChuyenDe.Tests.Architecture;

/// <summary>
/// Field kinds (and parts with an editor) are handled by their drivers (<c>src/ChuyenDe.Modules/Fields/&lt;Kind&gt;/</c>,
/// see docs/field-kinds.md), not by switches elsewhere: their names (<c>ContentKinds.X</c> or the literal <c>"X"</c>)
/// appear nowhere else in the modules' sources but in <see cref="ContentKinds"/> itself and the files listed below.
/// </summary>
public sealed partial class FieldKindNamesTests
{
    /// <summary>Files that may name a kind, with why. Keep it tiny.</summary>
    private static readonly Dictionary<string, string> Allowed = new(StringComparer.Ordinal)
    {
        ["Contents/ContentKinds.cs"] = "ContentKinds itself: the names of the kinds the engine understands",
        ["Contents/ContentParts.cs"] = "the engine's typed accessors of the parts it relies on itself (title → display text, address → routes, "
                                       + "schedule → scheduled publishing, organisation → scope, taxonomy/term, consent), in one place",
    };

    [Fact]
    public void Kind_names_appear_only_in_the_drivers_folders()
    {
        var modules = Path.Combine(RepositoryRoot(), "src", "ChuyenDe.Modules");
        var names = KindNames();
        var pattern = new Regex(@"\bContentKinds\.(" + string.Join('|', names) + @")\b|""(" + string.Join('|', names) + @")""");
        var offenders = new List<string>();
        foreach (var file in Directory.EnumerateFiles(modules, "*.*", SearchOption.AllDirectories)
                     .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal)))
        {
            var relative = Path.GetRelativePath(modules, file).Replace('\\', '/');
            if (relative.Split('/') is ["bin" or "obj", ..] || IsDriverFolder(relative, names) || Allowed.ContainsKey(relative))
            {
                continue;
            }

            var hits = File.ReadAllLines(file)
                .Select((line, i) => (line, number: i + 1))
                .Where(l => pattern.IsMatch(l.line))
                .ToList();
            offenders.AddRange(hits.Select(h => $"{relative}:{h.number}: {h.line.Trim()}"));
        }

        Assert.True(offenders.Count == 0,
            "Field and part kinds named outside their drivers (move the code into Fields/<Kind>/, see docs/field-kinds.md):\n"
            + string.Join('\n', offenders));
    }

    /// <summary>The field kinds and the parts with an editor: every name constant of <see cref="ContentKinds"/>.</summary>
    private static List<string> KindNames()
        => typeof(ContentKinds).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!)
            .ToList();

    /// <summary><c>Fields/&lt;Kind&gt;/…</c>: a driver's own folder.</summary>
    private static bool IsDriverFolder(string relative, List<string> names)
        => relative.Split('/') is ["Fields", var kind, _, ..] && names.Contains(kind);

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "ChuyenDe.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (ChuyenDe.sln) was not found above " + AppContext.BaseDirectory);
    }
}
