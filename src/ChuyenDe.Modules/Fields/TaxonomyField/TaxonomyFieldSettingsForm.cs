using ChuyenDe.Modules.Contents;

namespace ChuyenDe.Modules.Fields.TaxonomyField;

/// <summary>The settings of terms of a taxonomy: which taxonomy, one term or several, and whether only leaves may be chosen.</summary>
public sealed class TaxonomyFieldSettingsForm : FieldSettingsForm
{
    public string? TaxonomyContentItemId { get; set; }
    public bool Unique { get; set; }
    public bool LeavesOnly { get; set; }

    /// <summary>The site's taxonomies, to choose from (loaded for the view, never posted).</summary>
    public IReadOnlyList<Taxonomy> Taxonomies { get; set; } = [];
}
