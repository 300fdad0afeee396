using ChuyenDe.Modules.Contents;
using Xunit.Abstractions;

namespace ChuyenDe.Tests.Architecture;

/// <summary>
/// The module graph of docs/architecture.md, enforced: the graph computed from the whole modules assembly (compiled
/// views included) has no cycle, and every edge in it is drawn in the document's table.
/// </summary>
public sealed class ModuleGraphTests(ITestOutputHelper output)
{
    /// <summary>
    /// Back-edges not broken yet, which the cycle rule leaves out: each closes a cycle and is drawn in
    /// docs/architecture.md with a "Temporary:" reason. None is left (the last one, Data → Users, went when Users began
    /// to contribute Identity's tables through its own EF configuration); none may be added.
    /// </summary>
    private static readonly ModuleEdge[] KnownTemporary = [];

    private static readonly Lazy<IReadOnlyDictionary<ModuleEdge, IReadOnlyList<string>>> RealGraph =
        new(() => ModuleGraph.Compute(typeof(ContentItem).Assembly.Location));

    private static Drawing ReadDrawing() => ModuleGraph.ParseDrawing(File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "architecture.md")));

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

    [Fact]
    public void The_modules_form_no_cycle()
    {
        var cycles = ModuleGraph.FindCycles(RealGraph.Value.Keys, KnownTemporary);

        Assert.True(cycles.Count == 0, "Module cycles:\n" + string.Join("\n", cycles.Select(cycle => "  " + cycle + Evidence(cycle))));
    }

    [Fact]
    public void Every_dependency_between_modules_is_drawn_in_the_architecture_document()
    {
        var undrawn = ModuleGraph.UndrawnEdges(RealGraph.Value.Keys, ReadDrawing().Allowed);

        Assert.True(undrawn.Count == 0, "Not in docs/architecture.md:\n" + string.Join("\n", undrawn.Select(edge => $"  {edge}: {string.Join("; ", RealGraph.Value[edge])}")));
    }

    [Fact]
    public void Every_drawn_dependency_exists_so_the_drawing_stays_current()
    {
        var stale = ReadDrawing().Allowed.Where(edge => !RealGraph.Value.ContainsKey(edge)).Select(edge => edge.ToString()).Order(StringComparer.Ordinal).ToList();

        Assert.True(stale.Count == 0, "Drawn in docs/architecture.md but not used: " + string.Join(", ", stale));
    }

    [Fact]
    public void The_drawing_itself_has_no_cycle_apart_from_the_known_temporary_edges()
    {
        var drawing = ReadDrawing();
        Assert.True(drawing.Temporary.SetEquals(KnownTemporary), "The \"Temporary:\" rows of docs/architecture.md are not the known temporary edges: " + string.Join(", ", drawing.Temporary));
        Assert.Empty(ModuleGraph.FindCycles(drawing.Allowed, KnownTemporary));
    }

    [Fact]
    public void Each_known_temporary_edge_still_closes_a_cycle_so_the_list_only_shrinks()
    {
        // Once an edge is gone (or no longer part of a cycle), its entry must be deleted rather than kept as a licence.
        foreach (var edge in KnownTemporary)
        {
            var others = KnownTemporary.Where(other => other != edge);
            Assert.True(RealGraph.Value.ContainsKey(edge), $"{edge} is no longer used: delete it from the known temporary edges.");
            Assert.True(ModuleGraph.FindCycles(RealGraph.Value.Keys, others).Count > 0,
                $"{edge} closes no cycle any more: delete it from the known temporary edges and draw it as an ordinary edge.");
        }
    }

    [Fact]
    public void The_graph_sees_compiled_views_as_part_of_their_module()
    {
        // The compiled views belong to their module: Editorial's views use its own records, so no edge appears for that,
        // but they do use the content engine.
        Assert.Equal("Editorial", ModuleGraph.ModuleOf("AspNetCoreGeneratedDocument", "Editorial_Views_Review_Item"));
        Assert.Equal("Data", ModuleGraph.ModuleOf("ChuyenDe.Modules.Data.Migrations", "Initial"));
        Assert.Null(ModuleGraph.ModuleOf("AspNetCoreGeneratedDocument", "_ViewImports"));
        Assert.Contains(RealGraph.Value, pair => pair.Key == new ModuleEdge("Editorial", "Contents")
            && pair.Value.Any(example => example.StartsWith("AspNetCoreGeneratedDocument.Editorial_Views_", StringComparison.Ordinal)));
    }

    [Fact]
    public void No_view_calls_a_view_component_by_its_name()
    {
        // A name is no type reference, so the graph cannot see it: views render the components other modules put in
        // an admin zone (Admin.AdminZones) or invoke a component of their own module by its type.
        var modules = Path.Combine(RepositoryRoot(), "src", "ChuyenDe.Modules");
        var byName = Directory.EnumerateFiles(modules, "*.cshtml", SearchOption.AllDirectories)
            .Where(file => File.ReadAllText(file).Contains("Component.InvokeAsync(\"", StringComparison.Ordinal))
            .Select(file => Path.GetRelativePath(modules, file)).ToList();

        Assert.True(byName.Count == 0, "View components invoked by name in: " + string.Join(", ", byName));
    }

    /// <summary>Writes the computed graph to the test output (run with a detailed console logger to read it).</summary>
    [Fact]
    public void Print_the_graph()
    {
        foreach (var (edge, examples) in RealGraph.Value.OrderBy(p => p.Key.From, StringComparer.Ordinal).ThenBy(p => p.Key.To, StringComparer.Ordinal))
        {
            output.WriteLine($"{edge.From} -> {edge.To}   {string.Join("; ", examples)}");
        }
    }

    [Fact]
    public void The_cycle_rule_fails_on_a_small_graph_with_a_cycle()
    {
        ModuleEdge[] graph = [new("Contents", "Data"), new("Security", "Contents"), new("Contents", "Security"), new("Media", "Contents"), new("Audit", "Users"), new("Users", "Organizations"), new("Organizations", "Audit")];

        var cycles = ModuleGraph.FindCycles(graph);

        Assert.Equal(["Audit → Users → Organizations → Audit", "Contents → Security → Contents"], cycles.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_cycle_rule_passes_an_acyclic_graph_and_leaves_out_only_the_named_temporary_edge()
    {
        ModuleEdge[] graph = [new("Editorial", "Contents"), new("Library", "Contents"), new("Library", "Editorial"), new("Editorial", "Library")];

        Assert.Single(ModuleGraph.FindCycles(graph));
        Assert.Empty(ModuleGraph.FindCycles(graph, [new("Editorial", "Library")]));
        Assert.Empty(ModuleGraph.FindCycles(graph.Where(edge => edge != new ModuleEdge("Library", "Editorial"))));
    }

    [Fact]
    public void An_undrawn_edge_is_reported()
    {
        var drawing = ModuleGraph.ParseDrawing("""
            # Architecture
            ## Allowed dependencies
            | From | To | Why |
            |------|----|-----|
            | Media | Contents | media items are content |
            | Media | Data | its tables |
            ## Elsewhere
            | Media | Users | not a rule: outside the section |
            """);
        ModuleEdge[] graph = [new("Media", "Contents"), new("Media", "Data"), new("Media", "Users")];

        Assert.Equal(2, drawing.Allowed.Count);
        Assert.Equal([new ModuleEdge("Media", "Users")], ModuleGraph.UndrawnEdges(graph, drawing.Allowed));
    }

    private static string Evidence(string cycle)
    {
        var modules = cycle.Split(" → ");
        var lines = modules.Zip(modules.Skip(1), (from, to) => new ModuleEdge(from, to))
            .Select(edge => $"\n      {edge}: {string.Join("; ", RealGraph.Value.GetValueOrDefault(edge) ?? [])}");
        return string.Concat(lines);
    }
}
