namespace ChuyenDe.Modules.Fields;

/// <summary>A recognition shown on a card and an item page: its kind (a CSS hook), a title and the citation.</summary>
public sealed record ContentBadge(string Kind, string Title, string? Text);
