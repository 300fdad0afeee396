using ChuyenDe.Modules.Fields.ContentPickerField;
using ChuyenDe.Modules.Media;
using ChuyenDe.Modules.Organizations;

namespace ChuyenDe.Modules.Commendations;

/// <summary>The decision page: its settings form, and (once created) its recipients, their items and the item search.</summary>
public sealed record DecisionEditView(
    CommendationDecision? Decision,
    DecisionForm Form,
    IReadOnlyList<MediaChoice> Files,
    IReadOnlyList<Organization> Units,
    IReadOnlyDictionary<string, string> ItemTitles,
    IReadOnlyDictionary<string, string> Sources)
{
    /// <summary>The recipient form as typed (after an error) or empty.</summary>
    public RecipientForm Recipient { get; init; } = new() { Kind = nameof(RecipientKind.Collective) };

    /// <summary>The recipient whose item search is open, the text searched and what it found (published items only).</summary>
    public int? SearchRecipientId { get; init; }

    public string? SearchText { get; init; }

    public IReadOnlyList<PickerResult> SearchResults { get; init; } = [];

    public string UnitName(string? id) => id is null ? "" : Units.FirstOrDefault(u => u.Id == id)?.Name ?? id;
}
