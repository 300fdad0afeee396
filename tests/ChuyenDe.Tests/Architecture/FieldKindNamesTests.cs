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
        ["Contents/ContentDefinitions.cs"] = "ContentKinds itself: the names of the kinds the engine understands",
    };

    /// <summary>
    /// Not yet converted (issue 11, item 1, what remains): these files still switch over kinds, on at most this many
    /// lines. Converting a kind to its driver lowers the count; a file leaves the list when it reaches zero. The test
    /// also fails when a count rises, so no new switch is added meanwhile.
    /// </summary>
    private static readonly Dictionary<string, int> NotYetConverted = new(StringComparer.Ordinal)
    {
        // The engine's validation and shapes (to become a per-kind validation/shape contract the drivers implement).
        ["Contents/ContentItem.cs"] = 1,
        ["Contents/ContentManager.cs"] = 12,
        ["Contents/ContentShapes.cs"] = 18,
        ["Contents/ContentValidator.cs"] = 12,
        ["Contents/TaxonomyService.cs"] = 4,
        // The definition settings editors.
        ["Definitions/ContentDefinitionEditor.cs"] = 15,
        ["Definitions/DefinitionForms.cs"] = 5,
        ["Definitions/DefinitionsController.cs"] = 2,
        ["Definitions/Views/Definitions/Field.cshtml"] = 6,
        ["Definitions/Views/Definitions/Type.cshtml"] = 8,
        // The editors and form binding.
        ["Editors/ContentEditorService.cs"] = 28,
        ["Editors/ContentForm.cs"] = 46,
        ["Editors/ContentListService.cs"] = 2,
        ["Editors/Views/ContentAdmin/Fields/_Body.cshtml"] = 1,
        // Reading parts' values: the item's address, the title, whether a type is a taxonomy.
        ["Fields/ContentDisplayBuilder.cs"] = 1,
        ["History/HistoryController.cs"] = 1,
        ["Search/SearchDocumentBuilder.cs"] = 3,
        // Reading parts' and media fields' values in other modules.
        ["Editorial/CurationController.cs"] = 1,
        ["Editorial/SubmissionHandler.cs"] = 1,
        ["Media/MediaPublishChecks.cs"] = 5,
        ["Media/MediaUsage.cs"] = 3,
        ["Contents/ContentAuthorizer.cs"] = 1,
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
            var limit = NotYetConverted.GetValueOrDefault(relative);
            if (hits.Count > limit)
            {
                offenders.AddRange(hits.Select(h => $"{relative}:{h.number}: {h.line.Trim()}"));
            }
        }

        Assert.True(offenders.Count == 0,
            "Field and part kinds named outside their drivers (move the code into Fields/<Kind>/, see docs/field-kinds.md):\n"
            + string.Join('\n', offenders));
    }

    [Fact]
    public void The_list_of_files_not_yet_converted_only_shrinks()
    {
        // An entry whose file has fewer hits than listed (or is gone) must be lowered, so the list stays a true to-do.
        var modules = Path.Combine(RepositoryRoot(), "src", "ChuyenDe.Modules");
        var names = KindNames();
        var pattern = new Regex(@"\bContentKinds\.(" + string.Join('|', names) + @")\b|""(" + string.Join('|', names) + @")""");
        var stale = NotYetConverted
            .Select(e => (e.Key, e.Value, Actual: File.Exists(Path.Combine(modules, e.Key))
                ? File.ReadAllLines(Path.Combine(modules, e.Key)).Count(pattern.IsMatch)
                : 0))
            .Where(e => e.Actual < e.Value)
            .Select(e => $"{e.Key}: listed {e.Value}, now {e.Actual}")
            .ToList();

        Assert.True(stale.Count == 0, "Lower these entries of NotYetConverted:\n" + string.Join('\n', stale));
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
