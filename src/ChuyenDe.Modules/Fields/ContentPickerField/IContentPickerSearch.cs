using ChuyenDe.Modules.Security;

namespace ChuyenDe.Modules.Fields.ContentPickerField;

/// <summary>The items a content picker may offer a user (its editor's list, and the editor page's search as the user types).</summary>
public interface IContentPickerSearch
{
    /// <summary>
    /// Items whose title contains <paramref name="text"/> (any when empty) of the given types (the listable types when
    /// none is known): the latest versions the user may see, then published items of any unit; at most
    /// <paramref name="limit"/> (1–50).
    /// </summary>
    Task<IReadOnlyList<PickerResult>> SearchAsync(UserScope scope, string? text, IReadOnlyCollection<string> types, int limit, CancellationToken ct = default);
}
