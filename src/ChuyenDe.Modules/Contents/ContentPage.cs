namespace ChuyenDe.Modules.Contents;

/// <summary>One page of a query's items, with the total and the page asked for.</summary>
public sealed record ContentPage(IReadOnlyList<ContentItem> Items, int Total, int Page, int PageSize)
{
    public int PageCount => PagedResult.PageCount(Total, PageSize);
}
