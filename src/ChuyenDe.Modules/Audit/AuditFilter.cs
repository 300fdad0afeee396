using System.Globalization;

namespace ChuyenDe.Modules.Audit;

/// <summary>The filters of the audit page and its CSV export; dates are days in the site's time zone (Vietnam).</summary>
public sealed record AuditFilter
{
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }
    public string? Category { get; init; }
    public string? Action { get; init; }
    public string? Actor { get; init; }
    public string? OrganizationId { get; init; }
    public string? ContentItemId { get; init; }
    public string? Text { get; init; }

    public bool IsEmpty => this == new AuditFilter();

    /// <summary>The query string of these filters (the page's own parameter names), without the leading '?'.</summary>
    public string ToQueryString()
    {
        var parts = new List<string>();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                parts.Add(name + "=" + Uri.EscapeDataString(value));
            }
        }

        Add(AuditQueryNames.From, From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add(AuditQueryNames.To, To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add(AuditQueryNames.Category, Category);
        Add(AuditQueryNames.Action, Action);
        Add(AuditQueryNames.Actor, Actor);
        Add(AuditQueryNames.Organization, OrganizationId);
        Add(AuditQueryNames.ContentItem, ContentItemId);
        Add(AuditQueryNames.Text, Text);
        return string.Join("&", parts);
    }
}
