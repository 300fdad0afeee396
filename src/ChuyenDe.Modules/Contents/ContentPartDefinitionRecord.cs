namespace ChuyenDe.Modules.Contents;

public sealed class ContentPartDefinitionRecord
{
    public string Name { get; set; } = "";
    public string Json { get; set; } = "{}";
}
