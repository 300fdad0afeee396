using System.Text.Json.Nodes;
using ChuyenDe.Modules.Contents;
using ChuyenDe.Modules.Settings;
using Microsoft.Extensions.Localization;

namespace ChuyenDe.Modules.Fields.AutoroutePart;

/// <summary>The item's public address.</summary>
internal sealed partial class AutoroutePartDriver(IStringLocalizer<FieldsResources> T) : IPartDriver
{
    public string Kind => ContentKinds.AutoroutePart;

    public PartDiff Diff => new("Path", T["Address"], "path");

    public Task<IReadOnlyList<string>> DiffLinesAsync(JsonObject? part, SiteSettings site, CancellationToken ct = default)
        => Task.FromResult<IReadOnlyList<string>>(FieldText.Text(part?["Path"]) is { Length: > 0 } path ? ["/" + path] : []);
}
