using ChuyenDe.Modules.Contents;

namespace ChuyenDe.Modules.Fields.TitlePart;

/// <summary>The engine's rules of the title: a string that must not be empty (it becomes the item's display text).</summary>
internal sealed partial class TitlePartDriver : IPartKindRules
{
    private static readonly Dictionary<string, ValueShape> ValueProperties = new() { ["Title"] = ValueShape.String };

    public IReadOnlyDictionary<string, ValueShape> Shape => ValueProperties;

    public Task ValidateAsync(PartValidationContext context, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(ContentValidator.Text(context.Value?["Title"])))
        {
            context.Fail("Title", T["Please enter a title."]);
        }

        return Task.CompletedTask;
    }
}
