namespace ChuyenDe.Modules.Contents;

/// <summary>Taxonomy index: one row per term chosen in a TaxonomyField of a latest or published version.</summary>
public sealed class ContentTaxonomyRecord
{
    public long Id { get; set; }
    public string ContentItemId { get; set; } = "";
    public string ContentItemVersionId { get; set; } = "";
    public string ContentType { get; set; } = "";
    public string ContentPart { get; set; } = "";
    public string ContentField { get; set; } = "";
    public string TaxonomyContentItemId { get; set; } = "";
    public string TermContentItemId { get; set; } = "";
    public bool Published { get; set; }
    public bool Latest { get; set; }
}
