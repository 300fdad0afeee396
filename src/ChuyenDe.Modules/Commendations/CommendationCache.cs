namespace ChuyenDe.Modules.Commendations;

/// <summary>
/// The output-cache tag of the pages that show commendations: the honour roll, and every page of items and cards (the
/// "commended" badge). A change of a decision, recipient or linked item evicts them once it is committed.
/// </summary>
public static class CommendationCache
{
    public const string Tag = "commendations";
}
