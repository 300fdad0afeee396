using ChuyenDe.Modules.Contents;

namespace ChuyenDe.Modules.Fields.PublishLaterPart;

/// <summary>The engine's rules of scheduled publishing: an ISO 8601 moment or nothing.</summary>
internal sealed partial class PublishLaterPartDriver : IPartKindRules
{
    private static readonly Dictionary<string, ValueShape> ValueProperties = new() { ["ScheduledPublishUtc"] = ValueShape.Date };

    public IReadOnlyDictionary<string, ValueShape> Shape => ValueProperties;

    public Task ValidateAsync(PartValidationContext context, CancellationToken ct = default)
    {
        var scheduled = ContentValidator.Text(context.Value?["ScheduledPublishUtc"]);
        if (!string.IsNullOrEmpty(scheduled) && !ContentJson.TryParseDate(scheduled, out _))
        {
            context.Fail("ScheduledPublishUtc", T["The scheduled publishing time is not valid."]);
        }

        return Task.CompletedTask;
    }
}
