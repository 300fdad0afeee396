namespace ChuyenDe.Modules.Admin;

/// <summary>What the site settings page posts.</summary>
public sealed class SiteSettingsForm
{
    /// <summary>The default licence: a stored value of the licence catalogue (a legacy code is accepted and normalised).</summary>
    public string? DefaultLicense { get; set; }
}
