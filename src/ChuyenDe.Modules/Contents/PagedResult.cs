using Microsoft.EntityFrameworkCore;

namespace ChuyenDe.Modules.Contents;

/// <summary>
/// The one page arithmetic of the site's lists: a list has at least one page (an empty list shows page 1 of 1), a
/// requested page is clamped to the first and the last page, and a page is loaded from an ordered query.
/// </summary>
public static class PagedResult
{
    /// <summary>How many pages <paramref name="total"/> items fill: at least one.</summary>
    public static int PageCount(int total, int pageSize)
        => pageSize <= 0 ? 1 : Math.Max(1, (int)(((long)total + pageSize - 1) / pageSize));

    /// <summary>The requested page moved into 1 … the last page.</summary>
    public static int ClampPage(int page, int total, int pageSize) => Math.Clamp(page, 1, PageCount(total, pageSize));

    /// <summary>Counts the items of an ordered query, clamps the page and loads it.</summary>
    public static async Task<PagedResult<T>> ToPagedResultAsync<T>(this IQueryable<T> ordered, int page, int pageSize, CancellationToken ct)
    {
        var total = await ordered.CountAsync(ct);
        page = ClampPage(page, total, pageSize);
        var items = await ordered.Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return new PagedResult<T>(items, total, page, pageSize);
    }

    /// <summary>The same over items already in memory (an ordered sequence).</summary>
    public static PagedResult<T> ToPagedResult<T>(this IEnumerable<T> ordered, int page, int pageSize)
    {
        var all = ordered as IReadOnlyCollection<T> ?? ordered.ToList();
        page = ClampPage(page, all.Count, pageSize);
        return new PagedResult<T>(all.Skip((page - 1) * pageSize).Take(pageSize).ToList(), all.Count, page, pageSize);
    }
}

/// <summary>One page of a list: its items, the total, the page (1-based, within the pages) and the page size.</summary>
public sealed record PagedResult<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize)
{
    public int PageCount => PagedResult.PageCount(Total, PageSize);

    public bool HasPrevious => Page > 1;

    public bool HasNext => Page < PageCount;

    /// <summary>The same page with its items turned into rows.</summary>
    public PagedResult<TRow> Select<TRow>(Func<T, TRow> row) => new(Items.Select(row).ToList(), Total, Page, PageSize);

    /// <summary>The pager under the list, linking each page by <paramref name="urlForPage"/>.</summary>
    public PagerView Pager(Func<int, string> urlForPage) => new(Page, PageCount, Total, urlForPage);
}
