using ChuyenDe.Modules.Contents;

namespace ChuyenDe.Tests.Unit.Contents;

public sealed class PagedResultTests
{
    [Theory]
    [InlineData(0, 20, 1)]
    [InlineData(1, 20, 1)]
    [InlineData(20, 20, 1)]
    [InlineData(21, 20, 2)]
    [InlineData(40, 20, 2)]
    [InlineData(41, 20, 3)]
    [InlineData(int.MaxValue, 50, 42949673)]
    [InlineData(5, 0, 1)]
    public void A_list_has_at_least_one_page_and_a_partial_last_page(int total, int pageSize, int pages)
        => Assert.Equal(pages, PagedResult.PageCount(total, pageSize));

    [Theory]
    [InlineData(-3, 45, 1)]
    [InlineData(0, 45, 1)]
    [InlineData(1, 45, 1)]
    [InlineData(3, 45, 3)]
    [InlineData(4, 45, 3)]
    [InlineData(int.MaxValue, 45, 3)]
    [InlineData(2, 0, 1)]
    public void A_requested_page_is_clamped_to_the_first_and_the_last(int page, int total, int clamped)
        => Assert.Equal(clamped, PagedResult.ClampPage(page, total, 20));

    [Fact]
    public void A_page_in_memory_is_the_slice_of_the_clamped_page()
    {
        var numbers = Enumerable.Range(1, 45);

        var last = numbers.ToPagedResult(99, 20);
        Assert.Equal([41, 42, 43, 44, 45], last.Items);
        Assert.Equal((45, 3, 20, 3), (last.Total, last.Page, last.PageSize, last.PageCount));
        Assert.True(last.HasPrevious);
        Assert.False(last.HasNext);

        var first = numbers.ToPagedResult(0, 20);
        Assert.Equal(Enumerable.Range(1, 20), first.Items);
        Assert.False(first.HasPrevious);
        Assert.True(first.HasNext);

        var empty = Array.Empty<int>().ToPagedResult(5, 20);
        Assert.Empty(empty.Items);
        Assert.Equal((0, 1, 1), (empty.Total, empty.Page, empty.PageCount));
        Assert.False(empty.HasNext);
    }

    [Fact]
    public void The_pager_and_the_rows_keep_the_page()
    {
        var page = Enumerable.Range(1, 45).ToPagedResult(2, 20);

        var rows = page.Select(n => $"#{n}");
        Assert.Equal((45, 2, 20), (rows.Total, rows.Page, rows.PageSize));
        Assert.Equal("#21", rows.Items[0]);

        var pager = page.Pager(p => $"/list?trang={p}");
        Assert.Equal((2, 3, 45), (pager.Page, pager.PageCount, pager.Total));
        Assert.Equal("/list?trang=3", pager.UrlForPage(3));
    }
}
