using System.Globalization;
using ChuyenDe.Modules.Contents;
using ChuyenDe.Modules.Reports;
using ChuyenDe.Modules.Reports.Consolidation;

namespace ChuyenDe.Modules.Commendations;

/// <summary>
/// The key of a report round's nomination, stable across the unit's later submissions:
/// <c>{round id}/{unit id}/{c|i}/{the collective's unit id, or the individual's slugged name}</c>.
/// </summary>
public static class ProposalKeys
{
    public const int MaxLength = 256;

    public static string Of(int roundId, string unitOrganizationId, NominationEntry nomination)
    {
        var who = nomination.Kind == NominationKind.Collective
            ? nomination.OrganizationId ?? Slugs.Slugify(nomination.Name)
            : Slugs.Slugify(nomination.Name);
        var key = string.Create(CultureInfo.InvariantCulture, $"{roundId}/{unitOrganizationId}/{(nomination.Kind == NominationKind.Collective ? "c" : "i")}/{who}");
        return key.Length <= MaxLength ? key : key[..MaxLength];
    }

    /// <summary>The round a key names; null when it is no key.</summary>
    public static int? RoundOf(string? key)
        => key is not null && key.IndexOf('/') is > 0 and var slash && int.TryParse(key[..slash], NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
}
