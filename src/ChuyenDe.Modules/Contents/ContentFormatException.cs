namespace ChuyenDe.Modules.Contents;

/// <summary>A value of an item's JSON that is not of the type its part or field needs, with its JSON path (recipes).</summary>
public sealed class ContentFormatException(string path, string message) : Exception($"{path}: {message}")
{
    public string JsonPath { get; } = path;
    public string Reason { get; } = message;
}
