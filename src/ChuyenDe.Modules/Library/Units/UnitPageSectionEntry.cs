namespace ChuyenDe.Modules.Library.Units;

/// <summary>One line of a <see cref="UnitPageSection"/>: its text, the site address it links to (null: none) and a detail after it.</summary>
public sealed record UnitPageSectionEntry(string Text, string? Url, string? Detail);
