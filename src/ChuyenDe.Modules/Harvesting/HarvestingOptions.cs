namespace ChuyenDe.Modules.Harvesting;

/// <summary>The OAI-PMH endpoint's settings (<c>ChuyenDe:Oai</c>).</summary>
public sealed class HarvestingOptions
{
    public const string Section = "ChuyenDe:Oai";

    /// <summary>How many records or headers a list answer carries before its resumption token.</summary>
    public int PageSize { get; set; } = 100;

    /// <summary>How long a resumption token stays valid after it is given out.</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(24);

    /// <summary>The administrator's e-mail when the site settings have no <c>AdminEmail</c>.</summary>
    public string? AdminEmail { get; set; }
}
