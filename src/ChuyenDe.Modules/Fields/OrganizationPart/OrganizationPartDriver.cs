using System.Text.Json.Nodes;
using ChuyenDe.Modules.Contents;
using ChuyenDe.Modules.Organizations;
using ChuyenDe.Modules.Settings;
using Microsoft.Extensions.Localization;

namespace ChuyenDe.Modules.Fields.OrganizationPart;

/// <summary>The organisation an item belongs to, by its name.</summary>
internal sealed partial class OrganizationPartDriver(IOrganizationService organizations, IStringLocalizer<FieldsResources> T) : IPartDriver
{
    public string Kind => ContentKinds.OrganizationPart;

    public PartDiff Diff => new("OrganizationId", T["Organisation"], "organization", WholeValue: true);

    public async Task<IReadOnlyList<string>> DiffLinesAsync(JsonObject? part, SiteSettings site, CancellationToken ct = default)
        => FieldText.Text(part?["OrganizationId"]) is { Length: > 0 } organizationId
            ? [await organizations.GetAsync(organizationId, ct) is { } organization ? organization.Name : T["{0} (organisation no longer exists)", organizationId]]
            : [];
}
