namespace ChuyenDe.Modules.Audit;

/// <summary>The query parameters of <c>/admin/nhat-ky</c> and <c>/admin/nhat-ky/xuat.csv</c>.</summary>
public static class AuditQueryNames
{
    public const string From = "tu";
    public const string To = "den";
    public const string Category = "nhom";
    public const string Action = "hanh-dong";
    public const string Actor = "nguoi";
    public const string Organization = "don-vi";
    public const string ContentItem = "noi-dung";
    public const string Text = "q";
    public const string Page = "trang";

    /// <summary>The trail of one content item: <c>/admin/nhat-ky?noi-dung={id}</c>.</summary>
    public static string ForContentItem(string contentItemId) => "/admin/nhat-ky?" + ContentItem + "=" + Uri.EscapeDataString(contentItemId);
}
