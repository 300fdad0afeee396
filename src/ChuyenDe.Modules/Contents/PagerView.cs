namespace ChuyenDe.Modules.Contents;

/// <summary>
/// What a pager shows: the current page, the number of pages, the total and each page's address. The admin pages render
/// it with the admin shell's <c>_AdminPager</c> partial, the public lists with the site's <c>_Pager</c>, search with its own.
/// </summary>
public sealed record PagerView(int Page, int PageCount, int Total, Func<int, string> UrlForPage);
