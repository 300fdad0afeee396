using System.Text.Json.Nodes;
using ChuyenDe.Modules.Contents;
using ChuyenDe.Modules.Settings;
using Microsoft.Extensions.Localization;

namespace ChuyenDe.Modules.Fields.TitlePart;

/// <summary>The item's title.</summary>
internal sealed partial class TitlePartDriver(IStringLocalizer<FieldsResources> T) : IPartDriver
{
    public string Kind => ContentKinds.TitlePart;

    public PartDiff Diff => new("Title", T["Title"], "text");

    public Task<IReadOnlyList<string>> DiffLinesAsync(JsonObject? part, SiteSettings site, CancellationToken ct = default)
        => Task.FromResult<IReadOnlyList<string>>(FieldText.Text(part?["Title"]) is { Length: > 0 } title ? [title] : []);
}
