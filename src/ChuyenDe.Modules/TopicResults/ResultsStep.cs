using System.Globalization;
using System.Text.Json.Nodes;
using ChuyenDe.Modules.Charts;
using ChuyenDe.Modules.Recipes;
using ChuyenDe.Modules.Reports;
using ChuyenDe.Modules.Settings;
using Microsoft.EntityFrameworkCore;

namespace ChuyenDe.Modules.TopicResults;

/// <summary>
/// The <c>ResultsPages</c> recipe step: results pages by their <c>Slug</c> (added, or updated when the slug exists) —
/// Title, Summary?, Text? (Markdown), Owner (an organisation id), Round? (a report round's key, brought in by an earlier
/// <c>Reports</c> step), Published?, PublishedAt? (site time, "2023-04-20T08:00") and Figures?: each
/// { Indicators: [keys of the round's indicators], ByUnit? (true), Chart? (Bar, StackedBar, Line), Title?, Description? },
/// whose numbers are taken from the round's counted reports when the step runs.
/// </summary>
internal sealed class ResultsStep(DbContext db, ReportConsolidationService consolidations, RoundFigures figures,
    ISiteSettingsService settings, TimeProvider clock) : IRecipeStepHandler
{
    public string Name => "ResultsPages";

    public async Task ExecuteAsync(RecipeStepContext context, CancellationToken ct)
    {
        // The figures' labels are written in the site's language, as when a curator adds them from the admin; a recipe
        // applied at start-up runs outside any request and its culture.
        var (culture, uiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        var vietnamese = CultureInfo.GetCultureInfo("vi-VN");
        (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (vietnamese, vietnamese);
        try
        {
            await PagesAsync(context, ct);
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, uiCulture);
        }
    }

    private async Task PagesAsync(RecipeStepContext context, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var pagesPath = RecipeJson.Child(context.Path, "Pages");
        foreach (var (json, path) in RecipeJson.Objects(RecipeJson.RequiredArray(context.Step, "Pages", context.Path), pagesPath))
        {
            var slug = RecipeJson.RequiredString(json, "Slug", path).Trim().ToLowerInvariant();
            var owner = RecipeJson.RequiredString(json, "Owner", path);
            if (!await db.Set<ChuyenDe.Modules.Organizations.Organization>().AnyAsync(o => o.Id == owner, ct))
            {
                throw new RecipeStepException(RecipeJson.Child(path, "Owner"), $"The organisation '{owner}' does not exist.");
            }

            ReportRound? round = null;
            if (RecipeJson.OptionalString(json, "Round", path) is { } roundKey)
            {
                round = await db.Set<ReportRound>().AsNoTracking().Include(r => r.Units).FirstOrDefaultAsync(r => r.Key == roundKey, ct)
                    ?? throw new RecipeStepException(RecipeJson.Child(path, "Round"), $"The report round '{roundKey}' does not exist.");
            }

            var page = await db.Set<ResultsPage>().FirstOrDefaultAsync(p => p.Slug == slug, ct);
            if (page is null)
            {
                page = new ResultsPage { Slug = slug, CreatedUtc = now };
                db.Add(page);
            }

            page.Title = RecipeJson.RequiredString(json, "Title", path);
            page.Summary = RecipeJson.OptionalString(json, "Summary", path);
            page.Text = RecipeJson.OptionalString(json, "Text", path);
            page.OwnerOrganizationId = owner;
            page.RoundId = round?.Id;
            page.Published = RecipeJson.OptionalBool(json, "Published", path) ?? false;
            page.ModifiedUtc = now;
            if (RecipeJson.OptionalString(json, "PublishedAt", path) is { } publishedText)
            {
                if (!DateTime.TryParseExact(publishedText, ["yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
                {
                    throw new RecipeStepException(RecipeJson.Child(path, "PublishedAt"), $"'{publishedText}' is not a local date and time such as 2023-04-20T08:00.");
                }

                page.PublishedUtc = TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), (await settings.GetAsync(ct)).TimeZone);
            }
            else if (page.Published)
            {
                page.PublishedUtc ??= now;
            }

            page.BlocksJson = ResultBlocks.Write(await FiguresAsync(json, path, round, now, ct));
        }

        await db.SaveChangesAsync(ct);
    }

    private async Task<List<ResultBlock>> FiguresAsync(JsonObject json, string path, ReportRound? round, DateTime now, CancellationToken ct)
    {
        var blocks = new List<ResultBlock>();
        var figuresPath = RecipeJson.Child(path, "Figures");
        var items = RecipeJson.Objects(RecipeJson.OptionalArray(json, "Figures", path), figuresPath).ToList();
        if (items.Count == 0)
        {
            return blocks;
        }

        if (round is null)
        {
            throw new RecipeStepException(RecipeJson.Child(path, "Round"), "Figures need the page's report round ('Round').");
        }

        var consolidation = await consolidations.ConsolidateAsync(round, ct);
        foreach (var (figure, figurePath) in items)
        {
            var chartText = RecipeJson.OptionalString(figure, "Chart", figurePath) ?? nameof(ChartKind.Bar);
            if (!Enum.TryParse<ChartKind>(chartText, ignoreCase: false, out var chart) || !Enum.IsDefined(chart))
            {
                throw new RecipeStepException(RecipeJson.Child(figurePath, "Chart"), $"'{chartText}' is not a chart kind (Bar, StackedBar, Line).");
            }

            var request = new RoundFigureRequest(
                RecipeJson.Strings(RecipeJson.RequiredArray(figure, "Indicators", figurePath), RecipeJson.Child(figurePath, "Indicators")),
                RecipeJson.OptionalBool(figure, "ByUnit", figurePath) ?? true,
                chart,
                RecipeJson.OptionalString(figure, "Title", figurePath),
                RecipeJson.OptionalString(figure, "Description", figurePath));
            var (block, error) = figures.Build("h" + (blocks.Count + 1), consolidation, request, now);
            if (block is null)
            {
                throw new RecipeStepException(RecipeJson.Child(figurePath, "Indicators"), error!);
            }

            blocks.Add(block);
        }

        return blocks;
    }
}
