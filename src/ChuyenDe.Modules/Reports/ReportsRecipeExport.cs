using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ChuyenDe.Modules.Reports;

/// <summary>
/// A template or a round written as a recipe with one <c>Reports</c> step, as <see cref="ReportsStep"/> reads it back
/// (the round carries its own outline and indicators; its plan documents, files of a library, stay behind).
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

        return json;
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
