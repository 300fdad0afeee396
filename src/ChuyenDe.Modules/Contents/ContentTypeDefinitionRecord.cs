namespace ChuyenDe.Modules.Contents;

public sealed class ContentTypeDefinitionRecord
{
    public string Name { get; set; } = "";
    public string DisplayName { get; set; } = "";

    /// <summary>The type as Orchard Core writes it in a ContentDefinition step.</summary>
    public string Json { get; set; } = "{}";
}
