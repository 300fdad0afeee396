using ChuyenDe.Modules.Contents;
using ChuyenDe.Modules.Security;

namespace ChuyenDe.Modules.Admin;

/// <summary>The dashboard: the user's scope and unit, their latest drafts and the counts by status.</summary>
public sealed record DashboardView(
    UserScope Scope,
    string? OrganizationName,
    IReadOnlyList<ContentItem> MyDrafts,
    int Drafts,
    int Published,
    IReadOnlyDictionary<string, string> TypeNames);
