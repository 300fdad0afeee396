namespace ChuyenDe.Modules.Contents;

/// <summary>The terms a field's value chooses (non-empty ids, in order) and the taxonomy they belong to ("" when unknown).</summary>
public sealed record ChosenTerms(string TaxonomyContentItemId, IReadOnlyList<string> TermContentItemIds);
