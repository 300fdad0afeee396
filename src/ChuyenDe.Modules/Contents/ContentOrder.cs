namespace ChuyenDe.Modules.Contents;

/// <summary>The order of a query's items.</summary>
public enum ContentOrder
{
    PublishedNewest,
    PublishedOldest,
    ModifiedNewest,
    Title,
}
