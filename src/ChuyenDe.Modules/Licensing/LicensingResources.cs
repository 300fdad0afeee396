namespace ChuyenDe.Modules.Licensing;

/// <summary>
/// Marker for the licences' Vietnamese names and the licence box's strings (<c>LicensingResources.vi.resx</c>); a
/// licence's name is found by its <see cref="ContentLicense.ResourceKey"/>.
/// </summary>
public sealed class LicensingResources;
