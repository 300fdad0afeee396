using System.Text.RegularExpressions;
using Mono.Cecil;
using Mono.Cecil.Cil;

namespace ChuyenDe.Tests.Architecture;

/// <summary>A dependency of one module on another, with a few of the types that cause it (for the failure message).</summary>
public sealed record ModuleEdge(string From, string To)
{
    public override string ToString() => $"{From} → {To}";
}

/// <summary>
/// The module graph of an assembly, computed from the type references in its metadata and IL: base types, interfaces,
/// fields, properties, events, method signatures, local variables, the members and types the method bodies use,
/// attributes (with their <c>typeof</c> arguments) and generic arguments and constraints. A type belongs to the module
/// named by the third segment of its namespace (<c>ChuyenDe.Modules.&lt;Module&gt;</c>, so <c>Data.Migrations</c> is Data);
/// a compiled Razor view (<c>AspNetCoreGeneratedDocument.Editorial_Views_Review_Item</c>) to the module of the first
/// segment of its path. Nested types and compiler-generated closures belong to their outermost type.
/// </summary>
public static partial class ModuleGraph
{
    private const string ModulesPrefix = "ChuyenDe.Modules.";
    private const string ViewsNamespace = "AspNetCoreGeneratedDocument";

    /// <summary>Module → module edges (self-edges left out), each with up to three "from-type → to-type" examples.</summary>
    public static IReadOnlyDictionary<ModuleEdge, IReadOnlyList<string>> Compute(string assemblyPath)
    {
        var evidence = new Dictionary<ModuleEdge, List<string>>();
        using var assembly = AssemblyDefinition.ReadAssembly(assemblyPath);
        foreach (var type in assembly.MainModule.GetTypes())
        {
            var from = ModuleOf(type);
            if (from is null)
            {
                continue;
            }

            foreach (var reference in ReferencedTypes(type))
            {
                var to = ModuleOf(reference);
                if (to is null || to == from)
                {
                    continue;
                }

                var edge = new ModuleEdge(from, to);
                if (!evidence.TryGetValue(edge, out var examples))
                {
                    evidence[edge] = examples = [];
                }

                var example = $"{Outermost(type).FullName} → {Outermost(reference).FullName}";
                if (examples.Count < 3 && !examples.Contains(example))
                {
                    examples.Add(example);
                }
            }
        }

        return evidence.ToDictionary(pair => pair.Key, pair => (IReadOnlyList<string>)pair.Value);
    }

    /// <summary>The module a type belongs to, or null for a type outside the modules (framework, packages, shared view imports).</summary>
    public static string? ModuleOf(string @namespace, string typeName)
    {
        if (@namespace.StartsWith(ModulesPrefix, StringComparison.Ordinal))
        {
            var rest = @namespace[ModulesPrefix.Length..];
            var dot = rest.IndexOf('.', StringComparison.Ordinal);
            return dot < 0 ? rest : rest[..dot];
        }

        if (@namespace == ViewsNamespace)
        {
            // <Module>_Views_<Controller>_<View>, or <Module>_<Folder>_Views_<View> (the field kinds' editors in
            // Fields/<Kind>/Views/); module names have no underscore. The assembly-wide _ViewImports/_ViewStart belong to no module.
            var underscore = typeName.IndexOf("_Views_", StringComparison.Ordinal);
            return underscore > 0 ? typeName[..typeName.IndexOf('_', StringComparison.Ordinal)] : null;
        }

        return null;
    }

    private static string? ModuleOf(TypeReference type)
    {
        var outer = Outermost(type);
        return ModuleOf(outer.Namespace, outer.Name);
    }

    private static TypeReference Outermost(TypeReference type)
    {
        while (type.DeclaringType is not null)
        {
            type = type.DeclaringType;
        }

        return type;
    }

    private static IEnumerable<TypeReference> ReferencedTypes(TypeDefinition type)
    {
        var found = new List<TypeReference>();
        void Add(TypeReference? reference) => Expand(reference, found);

        Add(type.BaseType);
        foreach (var implemented in type.Interfaces)
        {
            Add(implemented.InterfaceType);
            AddAttributes(implemented.CustomAttributes, found);
        }

        AddAttributes(type.CustomAttributes, found);
        AddGenericParameters(type.GenericParameters, found);
        foreach (var field in type.Fields)
        {
            Add(field.FieldType);
            AddAttributes(field.CustomAttributes, found);
        }

        foreach (var property in type.Properties)
        {
            Add(property.PropertyType);
            AddAttributes(property.CustomAttributes, found);
        }

        foreach (var @event in type.Events)
        {
            Add(@event.EventType);
            AddAttributes(@event.CustomAttributes, found);
        }

        foreach (var method in type.Methods)
        {
            AddMethod(method, found);
        }

        return found;
    }

    private static void AddMethod(MethodDefinition method, List<TypeReference> found)
    {
        Expand(method.ReturnType, found);
        AddAttributes(method.CustomAttributes, found);
        AddAttributes(method.MethodReturnType.CustomAttributes, found);
        AddGenericParameters(method.GenericParameters, found);
        foreach (var parameter in method.Parameters)
        {
            Expand(parameter.ParameterType, found);
            AddAttributes(parameter.CustomAttributes, found);
        }

        foreach (var overridden in method.Overrides)
        {
            AddMember(overridden, found);
        }

        if (!method.HasBody)
        {
            return;
        }

        foreach (var variable in method.Body.Variables)
        {
            Expand(variable.VariableType, found);
        }

        foreach (var handler in method.Body.ExceptionHandlers)
        {
            Expand(handler.CatchType, found);
        }

        foreach (var instruction in method.Body.Instructions)
        {
            switch (instruction.Operand)
            {
                case TypeReference typeOperand:
                    Expand(typeOperand, found);
                    break;
                case MemberReference member:
                    AddMember(member, found);
                    break;
                case CallSite callSite:
                    Expand(callSite.ReturnType, found);
                    foreach (var parameter in callSite.Parameters)
                    {
                        Expand(parameter.ParameterType, found);
                    }

                    break;
            }
        }
    }

    private static void AddMember(MemberReference member, List<TypeReference> found)
    {
        Expand(member.DeclaringType, found);
        switch (member)
        {
            case GenericInstanceMethod generic:
                foreach (var argument in generic.GenericArguments)
                {
                    Expand(argument, found);
                }

                AddMember(generic.ElementMethod, found);
                break;
            case MethodReference method:
                Expand(method.ReturnType, found);
                foreach (var parameter in method.Parameters)
                {
                    Expand(parameter.ParameterType, found);
                }

                break;
            case FieldReference field:
                Expand(field.FieldType, found);
                break;
        }
    }

    private static void AddAttributes(IEnumerable<CustomAttribute> attributes, List<TypeReference> found)
    {
        foreach (var attribute in attributes)
        {
            Expand(attribute.AttributeType, found);
            foreach (var argument in attribute.ConstructorArguments.Concat(attribute.Properties.Select(p => p.Argument)).Concat(attribute.Fields.Select(f => f.Argument)))
            {
                AddAttributeArgument(argument, found);
            }
        }
    }

    private static void AddAttributeArgument(CustomAttributeArgument argument, List<TypeReference> found)
    {
        switch (argument.Value)
        {
            case TypeReference typeValue:
                Expand(typeValue, found);
                break;
            case CustomAttributeArgument nested:
                AddAttributeArgument(nested, found);
                break;
            case CustomAttributeArgument[] array:
                foreach (var item in array)
                {
                    AddAttributeArgument(item, found);
                }

                break;
        }
    }

    private static void AddGenericParameters(IEnumerable<GenericParameter> parameters, List<TypeReference> found)
    {
        foreach (var parameter in parameters)
        {
            foreach (var constraint in parameter.Constraints)
            {
                Expand(constraint.ConstraintType, found);
            }
        }
    }

    /// <summary>Adds a type and what it is made of: element types of arrays and references, generic arguments, modifiers.</summary>
    private static void Expand(TypeReference? type, List<TypeReference> found)
    {
        switch (type)
        {
            case null:
            case GenericParameter:
                return;
            case GenericInstanceType generic:
                Expand(generic.ElementType, found);
                foreach (var argument in generic.GenericArguments)
                {
                    Expand(argument, found);
                }

                return;
            case IModifierType modified:
                Expand(modified.ModifierType, found);
                Expand(((TypeSpecification)type).ElementType, found);
                return;
            case FunctionPointerType pointer:
                Expand(pointer.ReturnType, found);
                foreach (var parameter in pointer.Parameters)
                {
                    Expand(parameter.ParameterType, found);
                }

                return;
            case TypeSpecification specification:
                Expand(specification.ElementType, found);
                return;
            default:
                found.Add(type);
                return;
        }
    }

    /// <summary>
    /// The cycles of a graph: for each strongly connected component of two or more modules, one cycle through it
    /// (as "A → B → … → A"). Edges listed in <paramref name="knownTemporary"/> are left out first.
    /// </summary>
    public static IReadOnlyList<string> FindCycles(IEnumerable<ModuleEdge> edges, IEnumerable<ModuleEdge>? knownTemporary = null)
    {
        var skip = (knownTemporary ?? []).ToHashSet();
        var next = edges.Where(edge => !skip.Contains(edge) && edge.From != edge.To)
            .GroupBy(edge => edge.From).ToDictionary(g => g.Key, g => g.Select(edge => edge.To).Distinct().Order(StringComparer.Ordinal).ToList());
        var nodes = next.Keys.Concat(next.Values.SelectMany(v => v)).Distinct().Order(StringComparer.Ordinal).ToList();

        // Tarjan's strongly connected components.
        var index = new Dictionary<string, int>();
        var low = new Dictionary<string, int>();
        var stack = new Stack<string>();
        var onStack = new HashSet<string>();
        var components = new List<List<string>>();
        void Visit(string node)
        {
            index[node] = low[node] = index.Count;
            stack.Push(node);
            onStack.Add(node);
            foreach (var target in next.GetValueOrDefault(node) ?? [])
            {
                if (!index.ContainsKey(target))
                {
                    Visit(target);
                    low[node] = Math.Min(low[node], low[target]);
                }
                else if (onStack.Contains(target))
                {
                    low[node] = Math.Min(low[node], index[target]);
                }
            }

            if (low[node] == index[node])
            {
                var component = new List<string>();
                string member;
                do
                {
                    member = stack.Pop();
                    onStack.Remove(member);
                    component.Add(member);
                }
                while (member != node);
                components.Add(component);
            }
        }

        foreach (var node in nodes.Where(node => !index.ContainsKey(node)))
        {
            Visit(node);
        }

        var cycles = new List<string>();
        foreach (var component in components.Where(c => c.Count > 1))
        {
            var inComponent = component.ToHashSet();
            var start = component.Min(StringComparer.Ordinal)!;
            cycles.Add(string.Join(" → ", ShortestCycle(start, inComponent, next)));
        }

        return cycles;
    }

    private static List<string> ShortestCycle(string start, HashSet<string> within, Dictionary<string, List<string>> next)
    {
        // Breadth-first from start back to start, inside the component.
        var previous = new Dictionary<string, string>();
        var queue = new Queue<string>([start]);
        while (queue.Count > 0)
        {
            var node = queue.Dequeue();
            foreach (var target in (next.GetValueOrDefault(node) ?? []).Where(within.Contains))
            {
                if (target == start)
                {
                    var path = new List<string> { start };
                    for (var at = node; at != start; at = previous[at])
                    {
                        path.Add(at);
                    }

                    path.Add(start);
                    path.Reverse();
                    return path;
                }

                if (previous.TryAdd(target, node))
                {
                    queue.Enqueue(target);
                }
            }
        }

        return [start];
    }

    /// <summary>The edges of a graph that the drawing does not allow.</summary>
    public static IReadOnlyList<ModuleEdge> UndrawnEdges(IEnumerable<ModuleEdge> edges, IReadOnlySet<ModuleEdge> drawing) =>
        edges.Where(edge => !drawing.Contains(edge)).Distinct().OrderBy(e => e.From, StringComparer.Ordinal).ThenBy(e => e.To, StringComparer.Ordinal).ToList();

    /// <summary>
    /// The allowed edges of docs/architecture.md: the rows of the table under the heading "Allowed dependencies",
    /// <c>| From | To | Why |</c>, one edge per row; a row whose Why starts with "Temporary:" is a known back-edge.
    /// </summary>
    public static Drawing ParseDrawing(string markdown)
    {
        var allowed = new HashSet<ModuleEdge>();
        var temporary = new HashSet<ModuleEdge>();
        var inSection = false;
        foreach (var raw in markdown.Split('\n'))
        {
            var line = raw.Trim();
            if (line.StartsWith('#'))
            {
                inSection = line.TrimStart('#').Trim().Equals("Allowed dependencies", StringComparison.OrdinalIgnoreCase);
                continue;
            }

            if (!inSection || !line.StartsWith('|'))
            {
                continue;
            }

            var cells = line.Trim('|').Split('|').Select(cell => cell.Trim().Trim('*', '`').Trim()).ToArray();
            if (cells.Length < 2 || cells[0] is "From" || cells[0].StartsWith("---", StringComparison.Ordinal))
            {
                continue;
            }

            var (from, to) = (cells[0], cells[1]);
            if (!ModuleName().IsMatch(from) || !ModuleName().IsMatch(to))
            {
                throw new FormatException($"The row '{line}' does not name two modules.");
            }

            if (!allowed.Add(new ModuleEdge(from, to)))
            {
                throw new FormatException($"The edge {from} → {to} is drawn twice.");
            }

            if (cells.Length > 2 && cells[2].StartsWith("Temporary:", StringComparison.OrdinalIgnoreCase))
            {
                temporary.Add(new ModuleEdge(from, to));
            }
        }

        return new Drawing(allowed, temporary);
    }

    [GeneratedRegex("^[A-Z][A-Za-z]+$")]
    private static partial Regex ModuleName();
}

/// <summary>The drawing: the edges it allows, and those of them it marks as temporary back-edges.</summary>
public sealed record Drawing(IReadOnlySet<ModuleEdge> Allowed, IReadOnlySet<ModuleEdge> Temporary);
