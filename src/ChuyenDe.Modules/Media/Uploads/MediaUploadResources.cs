namespace ChuyenDe.Modules.Media.Uploads;

/// <summary>Marker type of the upload messages (<c>MediaUploadResources.vi.resx</c>).</summary>
public sealed class MediaUploadResources;
