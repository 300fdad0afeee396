using System.Text.Json.Nodes;
using ChuyenDe.Modules.Contents;
using ChuyenDe.Modules.Settings;
using Microsoft.Extensions.Localization;

namespace ChuyenDe.Modules.Fields.PublishLaterPart;

/// <summary>The moment a draft is to be published, shown in the site's time zone.</summary>
internal sealed partial class PublishLaterPartDriver(IStringLocalizer<FieldsResources> T) : IPartDriver
{
    public string Kind => ContentKinds.PublishLaterPart;

    public PartDiff Diff => new("ScheduledPublishUtc", T["Scheduled publishing"], "datetime", WholeValue: true);

    public Task<IReadOnlyList<string>> DiffLinesAsync(JsonObject? part, SiteSettings site, CancellationToken ct = default)
        => Task.FromResult<IReadOnlyList<string>>(FieldText.Text(part?["ScheduledPublishUtc"]) is { Length: > 0 } value && ContentJson.TryParseDate(value, out var utc)
            ? [site.ToLocal(utc).ToString("dd/MM/yyyy HH:mm", FieldText.Vietnamese)]
            : []);
}
