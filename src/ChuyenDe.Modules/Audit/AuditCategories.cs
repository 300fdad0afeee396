namespace ChuyenDe.Modules.Audit;

/// <summary>What kind of thing an audit entry is about.</summary>
public static class AuditCategories
{
    public const string Content = "Content";           // create, edit, publish, unpublish, delete, restore, discard, clone
    public const string Workflow = "Workflow";         // submit, withdraw, claim, assign, assess, forward, approve, return, reject
    public const string Curation = "Curation";         // exemplary / model site designations, featured order, withdrawals
    public const string Security = "Security";         // users, roles, permissions, locks, password resets
    public const string Organization = "Organization"; // organisation tree changes
    public const string Report = "Report";             // report rounds and templates: created, changed, opened, closed
    public const string Commendation = "Commendation"; // commendation decisions, their recipients, proposals accepted or rejected

    public static IReadOnlyList<string> All { get; } = [Content, Workflow, Curation, Security, Organization, Report, Commendation];
}
