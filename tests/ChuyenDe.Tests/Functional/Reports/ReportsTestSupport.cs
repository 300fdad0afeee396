using System.Net;
using AngleSharp.Html.Dom;
using ChuyenDe.Modules.Reports;
using ChuyenDe.Modules.Reports.Indicators;
using ChuyenDe.Tests.Functional.Admin;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChuyenDe.Tests.Functional.Reports;

/// <summary>Helpers of the report rounds tests: forms posted as a browser would, and the stored rounds.</summary>
internal static class ReportsTestSupport
{
    public const string BuiltInTemplateKey = "phu-luc-1-so-ket-chuyen-de-2021-2025";

    /// <summary>What a browser sends for a form as shown: inputs (checked boxes only), text areas and selects, no buttons.</summary>
    public static List<(string Name, string Value)> FormFields(IHtmlDocument page, string formSelector)
    {
        var form = page.QuerySelector(formSelector) ?? throw new Xunit.Sdk.XunitException($"No form '{formSelector}' on the page.");
        var fields = new List<(string, string)>();
        foreach (var element in form.QuerySelectorAll("input[name], textarea[name], select[name]"))
        {
            var name = element.GetAttribute("name")!;
            if (name == "__RequestVerificationToken")
            {
                continue;
            }

            switch (element)
            {
                case IHtmlInputElement input when input.Type is "checkbox" or "radio":
                    if (input.IsChecked)
                    {
                        fields.Add((name, input.Value));
                    }

                    break;
                case IHtmlInputElement input:
                    fields.Add((name, input.Value));
                    break;
                case IHtmlTextAreaElement area:
                    fields.Add((name, area.Value));
                    break;
                case IHtmlSelectElement select:
                    fields.Add((name, select.Value ?? ""));
                    break;
            }
        }

        return fields;
    }

    /// <summary>The fields with one value replaced (or added).</summary>
    public static List<(string Name, string Value)> With(this List<(string Name, string Value)> fields, string name, string value)
    {
        var copy = fields.Where(f => f.Name != name).ToList();
        copy.Add((name, value));
        return copy;
    }

    public static async Task<int> BuiltInTemplateIdAsync(SiteFixture fixture)
        => await fixture.WithServicesAsync(async sp =>
            await sp.GetRequiredService<DbContext>().Set<ReportTemplate>().Where(t => t.Key == BuiltInTemplateKey).Select(t => t.Id).SingleAsync());

    public static async Task<ReportRound> RoundAsync(SiteFixture fixture, int id)
        => await fixture.WithServicesAsync(async sp =>
            await sp.GetRequiredService<DbContext>().Set<ReportRound>().AsNoTracking()
                .Include(r => r.Units).Include(r => r.Documents).SingleAsync(r => r.Id == id));

    /// <summary>
    /// The unit's report form of the round as shown, every section given <paramref name="text"/> and every figure a
    /// plausible value by its kind (<paramref name="whole"/> for whole numbers).
    /// </summary>
    public static async Task<List<(string Name, string Value)>> FilledReportFormAsync(SiteFixture fixture, AdminClient unit, int roundId,
        string text = "Nhà trường đã thực hiện nội dung này.", string whole = "3")
    {
        var indicators = ReportJson.ReadIndicators((await RoundAsync(fixture, roundId)).IndicatorsJson);
        var (_, page) = await unit.GetPageAsync($"/admin/bao-cao/cua-don-vi/{roundId}");
        var fields = FormFields(page, "form.unit-report")
            .Select(f => f.Name.StartsWith("section-", StringComparison.Ordinal) ? (f.Name, text) : f).ToList();
        foreach (var indicator in indicators)
        {
            fields = fields.With("value-" + indicator.Key, indicator.Kind switch
            {
                IndicatorKind.WholeNumber => whole,
                IndicatorKind.Percentage => "90",
                IndicatorKind.Decimal => "2,5",
                IndicatorKind.YesNo => "Có",
                _ => "Ghi chú",
            });
        }

        return fields;
    }

    /// <summary>Creates a round through the page and returns its id (from the address it redirects to).</summary>
    public static async Task<int> CreateRoundAsync(SiteFixture fixture, AdminClient client, string title, string rule, params (string Name, string Value)[] more)
    {
        var templateId = await BuiltInTemplateIdAsync(fixture);
        using var response = await SystemAdmin.PostAsync(client, "/admin/bao-cao/tao", "/admin/bao-cao/tao",
        [
            ("TemplateId", templateId.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("Title", title), ("SchoolYear", "2022-2023"),
            ("Deadline", "2023-03-10T17:00"), ("UnitsRule", rule), ("CollectiveNominations", "1"), ("IndividualNominations", "1"), .. more,
        ]);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Creating the round failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        var location = SystemAdmin.Location(response)!;
        Assert.Matches("^/admin/bao-cao/[0-9]+/sua$", location);
        return int.Parse(location.Split('/')[3], System.Globalization.CultureInfo.InvariantCulture);
    }
}
