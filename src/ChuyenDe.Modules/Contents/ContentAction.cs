namespace ChuyenDe.Modules.Contents;

/// <summary>What a user may do with an item, as <see cref="IContentAuthorizer"/> decides it.</summary>
public enum ContentAction
{
    /// <summary>See the item (any version) in the back office.</summary>
    View,
    Edit,
    Publish,
    Unpublish,
    Delete,
    Clone,
    ViewHistory,
}
