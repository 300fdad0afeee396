namespace ChuyenDe.Modules.Reports;

/// <summary>The round's settings as typed: create (with the template) and edit.</summary>
public sealed class ReportRoundForm
{
    public int? TemplateId { get; set; }
    public string? Title { get; set; }
    public string? SchoolYear { get; set; }
    public string? Guidance { get; set; }

    /// <summary>Vietnam time, as a <c>datetime-local</c> input sends it (or typed day first: 10/3/2023 17:00).</summary>
    public string? Deadline { get; set; }

    public string? UnitsRule { get; set; }

    /// <summary>The units chosen by hand (with the manual rule).</summary>
    public List<string> Units { get; set; } = [];

    public int CollectiveNominations { get; set; }
    public int IndividualNominations { get; set; }

    /// <summary>Media paths of files of the owner's library attached as plan documents.</summary>
    public List<string> Documents { get; set; } = [];
}

/// <summary>A template's name and description as typed.</summary>
public sealed class ReportTemplateForm
{
    public string? Name { get; set; }
    public string? Description { get; set; }

    /// <summary>On create: a template to copy (outline and indicators); none for an empty one.</summary>
    public int? CopyOf { get; set; }
}
