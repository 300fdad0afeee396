namespace ChuyenDe.Modules.Commendations;

/// <summary>A recipient as typed in the form.</summary>
public sealed class RecipientForm
{
    public string? Kind { get; set; }

    public string? OrganizationId { get; set; }

    public string? Name { get; set; }

    public string? Position { get; set; }

    public string? Achievement { get; set; }
}
