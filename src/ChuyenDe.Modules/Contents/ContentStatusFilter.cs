namespace ChuyenDe.Modules.Contents;

/// <summary>A query over published (or latest) items. Term groups combine with AND; terms inside a group with OR.</summary>
/// <summary>Which of the latest versions an admin list shows.</summary>
public enum ContentStatusFilter
{
    Any,
    Draft,
    Published,
}
