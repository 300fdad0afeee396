using System.Text.RegularExpressions;

namespace ChuyenDe.Tests.Architecture;

/// <summary>
/// "One way each" (docs/architecture.md): transactions only through <c>DbContextTransactions</c>, the admin's scope only
/// through <c>AdminController.Scope</c>, page counts only through <c>PagedResult</c>, a view of another module by path only along a drawn edge.
/// </summary>
public sealed partial class OneWayEachTests
{
    private static readonly string Modules = Path.Combine(RepositoryRoot(), "src", "ChuyenDe.Modules");

    [Fact]
    public void Transactions_begin_only_in_the_transaction_helper()
        => Assert.Equal(["Data/DbContextTransactions.cs"], FilesMatching("*.cs", new Regex(@"BeginTransaction(Async)?\(")));

    [Fact]
    public void Admin_actions_read_the_scope_the_admin_shell_loaded()
        => Assert.Equal(["Admin/AdminController.Scope.cs"], FilesMatching("*.cs", new Regex(@"\.GetAsync\(User\b")));

    [Fact]
    public void Page_counts_are_computed_only_by_the_paged_result()
        => Assert.Equal(["Contents/PagedResult.cs"], FilesMatching("*.cs", PageCountArithmetic()));

    [Fact]
    public void A_view_of_another_module_is_named_by_path_only_along_a_drawn_edge()
    {
        // A path is a string the module graph cannot see: it may only name a module the drawing already lets this one use.
        var drawing = ModuleGraph.ParseDrawing(File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "architecture.md")));
        var offenders = new List<string>();
        foreach (var file in Directory.EnumerateFiles(Modules, "*.*", SearchOption.AllDirectories)
                     .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal)))
        {
            var relative = Relative(file);
            var module = relative.Split('/')[0];
            foreach (Match match in ViewPath().Matches(File.ReadAllText(file)))
            {
                var target = match.Groups["module"].Value;
                if (target != module && !drawing.Allowed.Contains(new ModuleEdge(module, target)))
                {
                    offenders.Add($"{relative}: {match.Value}");
                }
            }
        }

        Assert.Empty(offenders);
    }

    private static List<string> FilesMatching(string pattern, Regex regex)
        => Directory.EnumerateFiles(Modules, pattern, SearchOption.AllDirectories)
            .Where(f => !Relative(f).StartsWith("Data/Migrations/", StringComparison.Ordinal) && regex.IsMatch(File.ReadAllText(f)))
            .Select(Relative).Order(StringComparer.Ordinal).ToList();

    private static string Relative(string file) => Path.GetRelativePath(Modules, file).Replace('\\', '/');

    /// <summary>"(total + PageSize - 1) / PageSize" and the like: a ceiling division by a page size.</summary>
    [GeneratedRegex(@"-\s*1\)\s*/\s*\w*[Pp]ageSize")]
    private static partial Regex PageCountArithmetic();

    [GeneratedRegex(@"~/(?<module>[A-Z]\w*)/Views/")]
    private static partial Regex ViewPath();

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
