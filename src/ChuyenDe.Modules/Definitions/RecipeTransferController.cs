using System.Text;
using ChuyenDe.Modules.Admin;
using ChuyenDe.Modules.Contents;
using ChuyenDe.Modules.Recipes;
using ChuyenDe.Modules.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;

namespace ChuyenDe.Modules.Definitions;

public sealed class ExportForm
{
    /// <summary>The content types to export (all when the form is first shown).</summary>
    public List<string> Types { get; set; } = [];

    public bool IncludeContent { get; set; }
    public ExportVersion Version { get; set; } = ExportVersion.Latest;
}

public sealed record ExportView(ExportForm Form, IReadOnlyList<ContentTypeDefinition> ContentTypes, string? Error);

/// <summary>A refused recipe, as shown to the administrator.</summary>
public sealed record RecipeRefusal(string File, int? StepNumber, string? StepName, string JsonPath, string Reason, string OriginalReason);

public sealed record ImportView(string? Error, RecipeRefusal? Refusal);

/// <summary>Exporting definitions and content as an Orchard Core recipe, and applying an uploaded recipe.</summary>
public sealed class RecipeTransferController(
    IContentDefinitionManager definitions,
    IRecipeExporter exporter,
    IRecipeExecutor recipes,
    IContentAuthorizer authorizer,
    IStringLocalizer<DefinitionsResources> T,
    ILogger<RecipeTransferController> logger) : AdminController
{
    /// <summary>Recipes of this site are a few megabytes at most; anything much larger is refused before reading.</summary>
    public const long MaxRecipeBytes = 20 * 1024 * 1024;

    private const string ViewsFolder = "~/Definitions/Views/Definitions/";

    [HttpGet("/admin/loai-noi-dung/xuat")]
    [RequirePermission(RecipePermissions.ExportRecipes)]
    public async Task<IActionResult> Export(CancellationToken ct)
    {
        var types = await definitions.ListTypeDefinitionsAsync(ct);
        var form = new ExportForm { Types = types.Select(t => t.Name).ToList() };
        return View(ViewsFolder + "Export.cshtml", new ExportView(form, types, null));
    }

    [HttpPost("/admin/loai-noi-dung/xuat")]
    [RequirePermission(RecipePermissions.ExportRecipes)]
    public async Task<IActionResult> Export(ExportForm form, CancellationToken ct)
    {
        var scope = Scope;

        var types = await definitions.ListTypeDefinitionsAsync(ct);
        var chosen = form.Types.Where(t => types.Any(d => d.Name == t)).Distinct(StringComparer.Ordinal).ToList();
        if (chosen.Count == 0 || !Enum.IsDefined(form.Version))
        {
            return View(ViewsFolder + "Export.cshtml", new ExportView(form, types, T["Choose at least one content type to export."]));
        }

        var export = await exporter.ExportAsync(new RecipeExportRequest
        {
            ContentTypes = chosen,
            IncludeContent = form.IncludeContent,
            Version = form.Version,
            // Content follows the user's organisations, as everywhere in the back office.
            IncludeItem = scope.IsAdministrator ? null : item => authorizer.Can(scope, ContentAction.View, item),
        }, ct);
        logger.LogInformation("User {User} exported {Types} types, {Parts} parts and {Items} items as a recipe",
            scope.UserName, export.TypeCount, export.PartCount, export.ItemCount);
        return File(Encoding.UTF8.GetBytes(export.ToJsonString()), "application/json", export.FileName);
    }

    [HttpGet("/admin/cong-thuc")]
    [RequirePermission(RecipePermissions.ApplyRecipes)]
    public IActionResult Import() => View(ViewsFolder + "Import.cshtml", new ImportView(null, null));

    [HttpPost("/admin/cong-thuc")]
    [RequirePermission(RecipePermissions.ApplyRecipes)]
    [RequestSizeLimit(MaxRecipeBytes + 1024 * 1024)]
    [RequestFormLimits(MultipartBodyLengthLimit = MaxRecipeBytes + 1024 * 1024)]
    public async Task<IActionResult> Import(IFormFile? recipe, CancellationToken ct)
    {
        // A recipe can create users and roles of any kind: applying one is an administrator's act.
        if (!Scope.IsAdministrator)
        {
            return Forbid();
        }

        if (recipe is null || recipe.Length == 0)
        {
            return View(ViewsFolder + "Import.cshtml", new ImportView(T["Choose a recipe file (.json) to upload."], null));
        }

        if (recipe.Length > MaxRecipeBytes)
        {
            return View(ViewsFolder + "Import.cshtml", new ImportView(T["The file is too large: a recipe may have at most {0} MB.", MaxRecipeBytes / 1024 / 1024], null));
        }

        var fileName = Path.GetFileName(recipe.FileName);
        if (string.IsNullOrWhiteSpace(fileName))
        {
            fileName = "recipe.json";
        }
        else if (fileName.Length > 200)
        {
            // The name is recorded with the recipe's execution, in a column of 256 characters.
            fileName = fileName[..200];
        }

        string json;
        try
        {
            await using var stream = recipe.OpenReadStream();
            using var reader = new StreamReader(stream, new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true);
            json = await reader.ReadToEndAsync(ct);
        }
        catch (DecoderFallbackException)
        {
            return View(ViewsFolder + "Import.cshtml", new ImportView(T["The file is not UTF-8 text. Save the recipe as UTF-8 and upload it again."], null));
        }

        // An uploaded recipe has no folder of its own: files it names beside it (media SourcePath) cannot be found.
        // The folder given is one that does not exist (never created, so a process killed during the import leaves
        // nothing behind): nothing can be found in it, and nothing outside it can be reached.
        var folder = Path.Combine(Path.GetTempPath(), "chuyende-recipe-" + Guid.NewGuid().ToString("N"));
        try
        {
            var result = await recipes.ExecuteAsync(json, fileName, folder, ct);
            logger.LogInformation("Recipe {Recipe} ({File}) uploaded and applied with {Changes} changes", result.Name, fileName, result.Changes);
            Flash(result.Changes == 0
                ? T["The recipe {0} has been applied. Everything in it was already on the site: nothing changed.", result.Name]
                : T["The recipe {0} has been applied with {1} changes.", result.Name, result.Changes]);
            return Redirect("/admin/cong-thuc");
        }
        catch (RecipeException ex)
        {
            logger.LogWarning("Uploaded recipe {File} refused: {Reason}", fileName, ex.Message);
            var refusal = new RecipeRefusal(ex.File, ex.StepNumber, ex.StepName, ex.JsonPath, RecipeErrorText.Translate(ex.Reason, T), ex.Reason);
            return View(ViewsFolder + "Import.cshtml", new ImportView(null, refusal));
        }
    }
}
