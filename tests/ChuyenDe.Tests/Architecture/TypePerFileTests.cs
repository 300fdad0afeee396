using System.Text.RegularExpressions;

namespace ChuyenDe.Tests.Architecture;

/// <summary>
/// A source file of the modules is named after a type it declares (<c>UserScope.cs</c> declares <c>UserScope</c>;
/// a partial file <c>TextFieldDriver.Editor.cs</c> counts by the part before its first dot), so a type is found by its
/// name. An entity's EF configuration may share its record's file. Migrations are generated and left out.
/// </summary>
public sealed partial class TypePerFileTests
{
    [Fact]
    public void Each_source_file_is_named_after_a_type_it_declares()
    {
        var misnamed = MisnamedFiles(ModuleSources())
            .Select(file => $"{file.Path} (declares {string.Join(", ", file.Types)})").ToList();

        Assert.True(misnamed.Count == 0, "Files named after no type in them (split them, one type per file, named after it):\n  " + string.Join("\n  ", misnamed));
    }

    [Fact]
    public void The_rule_reads_declarations_not_comments_and_accepts_partial_files_by_their_first_name()
    {
        (string Path, string Text)[] files =
        [
            ("Audit/AuditQuery.cs", "namespace X;\n/// <summary>The class AuditQuery of old.</summary>\npublic sealed record AuditFilter;\ninternal sealed class AuditReader { }"),
            ("Security/UserScope.cs", "namespace X;\npublic sealed record UserScope(\n    string UserId);"),
            ("Fields/Text/TextFieldDriver.Editor.cs", "namespace X;\ninternal sealed partial class TextFieldDriver : IFieldEditorDriver\n{\n}"),
            ("Search/SearchOptions.cs", "namespace X;\npublic enum SearchMode { A }\n\npublic sealed class SearchOptions\n{\n    private sealed class Nested { }\n}"),
            ("Users/Handlers.cs", "namespace X;\npublic delegate Task Handlers(int a);"),
            ("Users/Notes.cs", "namespace X;\n// class Notes is gone\npublic interface INotes { }"),
        ];

        var misnamed = MisnamedFiles(files).Select(file => file.Path).ToList();

        Assert.Equal(["Audit/AuditQuery.cs", "Users/Notes.cs"], misnamed);
    }

    /// <summary>The files whose name (up to its first dot) is no type declared in them, with the types they declare.</summary>
    private static List<(string Path, IReadOnlyList<string> Types)> MisnamedFiles(IEnumerable<(string Path, string Text)> files)
    {
        var result = new List<(string, IReadOnlyList<string>)>();
        foreach (var (path, text) in files)
        {
            var types = DeclaredTypes(text);
            var name = Path.GetFileName(path).Split('.')[0];
            if (!types.Contains(name))
            {
                result.Add((path, types));
            }
        }

        return result.OrderBy(file => file.Item1, StringComparer.Ordinal).ToList();
    }

    private static IReadOnlyList<string> DeclaredTypes(string text)
    {
        var code = string.Join('\n', text.Split('\n').Select(line => line.TrimStart().StartsWith("//", StringComparison.Ordinal) ? "" : line));
        return Declaration().Matches(code).Select(match => match.Groups["name"].Value)
            .Concat(DelegateDeclaration().Matches(code).Select(match => match.Groups["name"].Value))
            .Distinct(StringComparer.Ordinal).ToList();
    }

    private static IEnumerable<(string Path, string Text)> ModuleSources()
    {
        var modules = Path.Combine(RepositoryRoot(), "src", "ChuyenDe.Modules");
        foreach (var file in Directory.EnumerateFiles(modules, "*.cs", SearchOption.AllDirectories))
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

    [GeneratedRegex(@"^[ \t]*(?:\[[^\]\n]*\][ \t]*)*(?:(?:public|internal|private|protected|file|sealed|static|abstract|partial|readonly|ref|unsafe|new)\s+)*(?:record\s+struct|record\s+class|class|record|interface|enum|struct)\s+(?<name>[A-Za-z_][A-Za-z0-9_]*)", RegexOptions.Multiline)]
    private static partial Regex Declaration();

    [GeneratedRegex(@"^[ \t]*(?:(?:public|internal|private|protected|file)\s+)*delegate\s+[\w<>\[\]?,. ]+?\s+(?<name>[A-Za-z_][A-Za-z0-9_]*)\s*[<(]", RegexOptions.Multiline)]
    private static partial Regex DelegateDeclaration();
}
