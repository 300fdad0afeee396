using ChuyenDe.Modules.Contents;

namespace ChuyenDe.Modules.Statistics;

/// <summary>
/// One side of a pivot table: its heading, its values in order (all of them, so that an empty group shows as 0), the
/// keys of an item on this side (several for a multi-valued field; none puts the item under <see cref="NoneLabel"/>,
/// a group shown only when it has items).
/// </summary>
internal sealed record PivotAxis(string Heading, IReadOnlyList<(string Key, string Label)> Values, Func<PublishedItemFact, IEnumerable<string>> KeysOf, string NoneLabel)
{
    public const string NoneKey = "";

    public bool MultiValued { get; init; }

    public IReadOnlyList<string> Keys(PublishedItemFact item)
    {
        var keys = KeysOf(item).Distinct(StringComparer.Ordinal).ToList();
        return keys.Count == 0 ? [NoneKey] : keys;
    }
}
