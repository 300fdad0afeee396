namespace ChuyenDe.Modules.Contents;

/// <summary>Union of the settings Orchard Core's field kinds carry; each kind reads the ones it has.</summary>
public sealed record FieldSettings
{
    public bool Required { get; init; }
    public string? Hint { get; init; }
    public bool Multiple { get; init; }
    public decimal? Minimum { get; init; }
    public decimal? Maximum { get; init; }
    public int Scale { get; init; }
    public string? Label { get; init; }
    public bool? DefaultValueBoolean { get; init; }
    public bool AllowMediaText { get; init; }
    public string[]? AllowedExtensions { get; init; }
    public string[]? DisplayedContentTypes { get; init; }
    public bool DisplayAllContentTypes { get; init; }
    public string? TaxonomyContentItemId { get; init; }
    public bool Unique { get; init; }
    public bool LeavesOnly { get; init; }
}
