namespace ChuyenDe.Modules.Search;

public enum SearchIndexingTaskKind
{
    /// <summary>Read the item again and index what it now is (or remove it when it has no such version any more).</summary>
    Update = 0,
    Delete = 1,
}
