using ChuyenDe.Modules.Reports.Consolidation;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ChuyenDe.Modules.Reports;

/// <summary>
/// A template or a round written as a recipe with one <c>Reports</c> step, as <see cref="ReportsStep"/> reads it back
/// (the round carries its own outline and indicators and the media paths of its plan documents — the files themselves
/// stay in the library; the units' reports only when asked, see <see cref="Reports"/>).
/// </summary>
public static class ReportsRecipeExport
{
    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string TemplateKey(ReportTemplate template) => template.Key ?? $"mau-{template.Id}";

    public static string RoundKey(ReportRound round) => round.Key ?? $"dot-{round.Id}";

    public static JsonObject Template(ReportTemplate template)
    {
        var json = new JsonObject { ["Key"] = TemplateKey(template), ["Name"] = template.Name };
        if (template.Description is not null)
        {
            json["Description"] = template.Description;
        }

        json["BuiltIn"] = template.BuiltIn;
        json["Outline"] = JsonSerializer.SerializeToNode(ReportJson.ReadOutline(template.OutlineJson), ReportJson.Options);
        json["Indicators"] = JsonSerializer.SerializeToNode(ReportJson.ReadIndicators(template.IndicatorsJson), ReportJson.Options);
        return json;
    }

    public static JsonObject Round(ReportRound round, string? parentKey, TimeZoneInfo zone)
    {
        var json = new JsonObject { ["Key"] = RoundKey(round), ["Title"] = round.Title };
        if (round.SchoolYear is not null)
        {
            json["SchoolYear"] = round.SchoolYear;
        }

        if (round.Guidance is not null)
        {
            json["Guidance"] = round.Guidance;
        }

        json["Owner"] = round.OwnerOrganizationId;
        json["Outline"] = JsonSerializer.SerializeToNode(ReportJson.ReadOutline(round.OutlineJson), ReportJson.Options);
        json["Indicators"] = JsonSerializer.SerializeToNode(ReportJson.ReadIndicators(round.IndicatorsJson), ReportJson.Options);
        if (round.DeadlineUtc is { } deadline)
        {
            json["Deadline"] = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(deadline, DateTimeKind.Utc), zone)
                .ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);
        }

        json["UnitsRule"] = round.UnitsRule.ToString();
        if (round.UnitsRule == UnitsAskedRule.Manual)
        {
            json["Units"] = new JsonArray(round.Units.Select(u => (JsonNode)JsonValue.Create(u.OrganizationId)!).ToArray());
        }

        json["CollectiveNominations"] = round.CollectiveNominations;
        json["IndividualNominations"] = round.IndividualNominations;
        json["State"] = round.State.ToString();
        if (parentKey is not null)
        {
            json["ParentRound"] = parentKey;
        }

        if (round.Documents.Count > 0)
        {
            json["Documents"] = new JsonArray(round.Documents.OrderBy(d => d.Position).Select(d => (JsonNode)JsonValue.Create(d.Path)!).ToArray());
        }

        return json;
    }

    /// <summary>The evidence as the step reads it (the names are looked up again on import).</summary>
    private static JsonArray Evidence(string json)
    {
        var array = new JsonArray();
        foreach (var e in UnitReportAttachments.ReadEvidence(json))
        {
            var row = new JsonObject { ["Kind"] = e.Kind.ToString(), ["Target"] = e.Target };
            if (e.Caption is not null)
            {
                row["Caption"] = e.Caption;
            }

            if (e.SectionKey is not null)
            {
                row["SectionKey"] = e.SectionKey;
            }

            array.Add(row);
        }

        return array;
    }

    /// <summary>The nominations as the step reads them: a collective by its organisation, an individual by name, position and organisation.</summary>
    private static JsonArray Nominations(string json)
    {
        var array = new JsonArray();
        foreach (var n in UnitReportAttachments.ReadNominations(json))
        {
            var row = new JsonObject { ["Kind"] = n.Kind.ToString() };
            if (n.Kind == NominationKind.Collective)
            {
                row["OrganizationId"] = n.OrganizationId;
            }
            else
            {
                row["Name"] = n.Name;
                if (n.Position is not null)
                {
                    row["Position"] = n.Position;
                }

                if (n.Organisation is not null)
                {
                    row["Organisation"] = n.Organisation;
                }
            }

            if (n.FilePath is not null)
            {
                row["FilePath"] = n.FilePath;
            }

            array.Add(row);
        }

        return array;
    }

    /// <summary>A time as the recipe writes it: the site's local time with its offset, e.g. 2023-03-08T16:30:00+07:00.</summary>
    public static string Time(DateTime utc, TimeZoneInfo zone)
    {
        var at = DateTime.SpecifyKind(utc, DateTimeKind.Utc);
        return new DateTimeOffset(TimeZoneInfo.ConvertTimeFromUtc(at, zone), zone.GetUtcOffset(at))
            .ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// The units' reports of a round as the step's <c>Reports</c> array: each unit's latest texts and values, its state,
    /// when it was first saved and submitted, who submitted, and the latest decision. The history between is not carried.
    /// </summary>
    public static JsonArray Reports(IEnumerable<UnitReportExport> reports, TimeZoneInfo zone)
    {
        var array = new JsonArray();
        foreach (var r in reports)
        {
            var json = new JsonObject
            {
                ["Organization"] = r.Unit.OrganizationId,
                ["State"] = r.Unit.ReportState.ToString(),
                ["Saved"] = Time(r.Report.CreatedUtc, zone),
            };
            if (r.Unit.ReportState != UnitReportState.Draft && r.Unit.SubmittedUtc is { } submitted)
            {
                json["Submitted"] = Time(submitted, zone);
            }

            if (r.SubmittedBy is not null)
            {
                json["SubmittedBy"] = r.SubmittedBy;
            }

            json["Sections"] = Map(UnitReports.ReadMap(r.Report.SectionsJson));
            json["Values"] = Map(UnitReports.ReadMap(r.Report.ValuesJson));
            if (Evidence(r.Report.EvidenceJson) is { Count: > 0 } evidence)
            {
                json["Evidence"] = evidence;
            }

            if (Nominations(r.Report.NominationsJson) is { Count: > 0 } nominations)
            {
                json["Nominations"] = nominations;
            }
            if (r.Review is { } review && r.Unit.ReportState is UnitReportState.Returned or UnitReportState.Accepted)
            {
                var decision = new JsonObject();
                if (review.Reason is not null)
                {
                    decision["Reason"] = review.Reason;
                }

                if (review.Sections.Count > 0)
                {
                    decision["Sections"] = new JsonArray(review.Sections.Select(k => (JsonNode)JsonValue.Create(k)!).ToArray());
                }

                decision["Decided"] = Time(review.DecidedUtc, zone);
                if (review.UserName.Length > 0 && review.UserId != ReportsStep.SystemUser)
                {
                    decision["By"] = review.UserName;
                }

                json["Review"] = decision;
            }

            array.Add(json);
        }

        return array;

        static JsonObject Map(Dictionary<string, string> map)
        {
            var json = new JsonObject();
            foreach (var (key, value) in map.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                json[key] = value;
            }

            return json;
        }
    }

    /// <summary>The recipe file: its name, and one <c>Reports</c> step with the templates and rounds given.</summary>
    public static byte[] Recipe(string name, string displayName, IEnumerable<JsonObject> templates, IEnumerable<JsonObject> rounds)
    {
        var step = new JsonObject { ["name"] = "Reports" };
        var templateArray = new JsonArray(templates.Cast<JsonNode>().ToArray());
        var roundArray = new JsonArray(rounds.Cast<JsonNode>().ToArray());
        if (templateArray.Count > 0)
        {
            step["Templates"] = templateArray;
        }

        if (roundArray.Count > 0)
        {
            step["Rounds"] = roundArray;
        }

        var recipe = new JsonObject
        {
            ["name"] = name,
            ["displayName"] = displayName,
            ["issetuprecipe"] = false,
            ["steps"] = new JsonArray(step),
        };
        return Encoding.UTF8.GetBytes(recipe.ToJsonString(Indented));
    }
}

/// <summary>One unit's report for <see cref="ReportsRecipeExport.Reports"/>: the user name of its latest submission, its latest decision.</summary>
public sealed record UnitReportExport(ReportRoundUnit Unit, UnitReport Report, string? SubmittedBy, UnitReportReview? Review);
