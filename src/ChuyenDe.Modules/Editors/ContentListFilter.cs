namespace ChuyenDe.Modules.Editors;

/// <summary>The filters of the content list, as in its query string.</summary>
public sealed record ContentListFilter
{
    public string? Type { get; init; }
    public string? Status { get; init; }
    public string? Org { get; init; }
    public string? Term { get; init; }
    public string? Q { get; init; }
    public string? Sort { get; init; }
    public int Page { get; init; } = 1;

    /// <summary>The list's address with these filters and another page.</summary>
    public string Url(int page)
    {
        var query = new List<string>();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                query.Add(name + "=" + Uri.EscapeDataString(value));
            }
        }

        Add("type", Type);
        Add("status", Status);
        Add("org", Org);
        Add("term", Term);
        Add("q", Q);
        Add("sort", Sort);
        if (page > 1)
        {
            query.Add("page=" + page);
        }

        return "/admin/noi-dung" + (query.Count > 0 ? "?" + string.Join('&', query) : "");
    }
}
