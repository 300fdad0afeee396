namespace ChuyenDe.Modules.Fields.MediaField;

/// <summary>The settings of files from the media library.</summary>
public sealed class MediaFieldSettingsForm : FieldSettingsForm
{
    /// <summary>Several files (a new field starts with it ticked).</summary>
    public bool Multiple { get; set; }

    /// <summary>A text for each file (the alternative text of images).</summary>
    public bool AllowMediaText { get; set; }

    /// <summary>Extensions separated by commas or spaces, e.g. ".jpg, .png"; empty for every type the library accepts.</summary>
    public string? AllowedExtensions { get; set; }
}
