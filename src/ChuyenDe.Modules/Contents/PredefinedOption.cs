namespace ChuyenDe.Modules.Contents;

public sealed record PredefinedOption
{
    [System.Text.Json.Serialization.JsonPropertyName("name")]
    public string Name { get; init; } = "";

    [System.Text.Json.Serialization.JsonPropertyName("value")]
    public string Value { get; init; } = "";
}
