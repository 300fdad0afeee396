namespace ChuyenDe.Modules.Audit;

/// <summary>Short, language-neutral descriptions of what changed, for <see cref="AuditEntry.Details"/>.</summary>
public static class AuditDetails
{
    /// <summary>"Name: before → after; Other: before → after" for the fields that changed, or null when none did.</summary>
    public static string? Fields(params (string Name, string? Before, string? After)[] fields)
    {
        var changed = fields.Where(f => !string.Equals(f.Before ?? "", f.After ?? "", StringComparison.Ordinal))
            .Select(f => $"{f.Name}: {(string.IsNullOrEmpty(f.Before) ? "\u2205" : f.Before)} \u2192 {(string.IsNullOrEmpty(f.After) ? "\u2205" : f.After)}")
            .ToList();
        return changed.Count == 0 ? null : string.Join("; ", changed);
    }
}
