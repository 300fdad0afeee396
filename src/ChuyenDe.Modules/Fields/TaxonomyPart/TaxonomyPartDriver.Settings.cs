namespace ChuyenDe.Modules.Fields.TaxonomyPart;

/// <summary>The terms of a taxonomy in the content definition editor (a taxonomy type has it).</summary>
internal sealed partial class TaxonomyPartDriver : IPartSettingsEditor
{
    public string Label => T["Terms of a taxonomy (for taxonomies)"];
}
