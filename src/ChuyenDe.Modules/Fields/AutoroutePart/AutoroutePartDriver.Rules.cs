using ChuyenDe.Modules.Contents;

namespace ChuyenDe.Modules.Fields.AutoroutePart;

/// <summary>The engine's rules of the address: a path of letters a–z, digits, hyphens and slashes (the engine makes it unique).</summary>
internal sealed partial class AutoroutePartDriver : IPartKindRules
{
    private static readonly Dictionary<string, ValueShape> ValueProperties = new() { ["Path"] = ValueShape.String };

    public IReadOnlyDictionary<string, ValueShape> Shape => ValueProperties;

    public Task ValidateAsync(PartValidationContext context, CancellationToken ct = default)
    {
        var path = ContentValidator.Text(context.Value?["Path"]);
        if (!string.IsNullOrEmpty(path) && !ContentValidator.IsValidPath(path))
        {
            context.Fail("Path", T["The address may contain only letters a–z, digits, hyphens and slashes."]);
        }

        return Task.CompletedTask;
    }
}
