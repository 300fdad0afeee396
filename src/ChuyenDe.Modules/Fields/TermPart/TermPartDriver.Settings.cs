namespace ChuyenDe.Modules.Fields.TermPart;

/// <summary>A term in the content definition editor (a term type has it).</summary>
internal sealed partial class TermPartDriver : IPartSettingsEditor
{
    public string Label => T["Term of a taxonomy (for terms)"];
}
