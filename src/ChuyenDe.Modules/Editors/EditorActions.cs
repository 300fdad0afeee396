namespace ChuyenDe.Modules.Editors;

/// <summary>Which buttons the user sees on an editor page.</summary>
public sealed record EditorActions(bool Edit, bool SaveDraft, bool Publish, bool Unpublish, bool DiscardDraft, bool CloneItem, bool Delete)
{
    /// <summary>Whether the version history (the History module's page) may be linked.</summary>
    public bool History { get; init; }

    /// <summary>Whether the item's entries of the audit trail may be linked.</summary>
    public bool AuditTrail { get; init; }
}
