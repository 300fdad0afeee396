namespace ChuyenDe.Modules.Editors;

public enum AccessOutcome
{
    Allowed,

    /// <summary>The item does not exist or is outside the user's scope: answered 404 so that existence does not leak.</summary>
    NotFound,

    /// <summary>The user sees the item but may not do this: 403.</summary>
    Forbidden,
}
