using ChuyenDe.Modules.Admin;
using ChuyenDe.Modules.Contents;
using ChuyenDe.Modules.Fields;
using ChuyenDe.Modules.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;

namespace ChuyenDe.Modules.Definitions;

/// <summary>The content definition editor: content types, their part kinds, and the fields of their own part.</summary>
[RequirePermission(ContentPermissions.ManageContentDefinitions)]
public sealed class DefinitionsController(
    IContentDefinitionManager definitions,
    IContentDefinitionEditor editor,
    IEnumerable<IFieldSettingsEditor> fieldKinds,
    IEnumerable<IPartSettingsEditor> partKinds,
    IStringLocalizer<DefinitionsResources> T,
    ILogger<DefinitionsController> logger) : AdminController
{
    private static readonly Dictionary<string, string> NoErrors = new();

    /// <summary>The field kinds offered, in the order their drivers are registered.</summary>
    private readonly IReadOnlyList<IFieldSettingsEditor> _fieldKinds = fieldKinds.ToList();

    /// <summary>The part kinds offered, in the order their drivers are registered.</summary>
    private readonly IReadOnlyList<IPartSettingsEditor> _partKinds = partKinds.ToList();

    [HttpGet("/admin/loai-noi-dung")]
    public async Task<IActionResult> Index(CancellationToken ct)
        => View(new TypeListView(await definitions.ListTypeDefinitionsAsync(ct)));

    [HttpGet("/admin/loai-noi-dung/tao")]
    public IActionResult Create()
        => View("Type", new TypeEditView(new TypeForm
        {
            Creatable = true,
            Listable = true,
            Draftable = true,
            Versionable = true,
            Securable = true,
            Parts = _partKinds.Where(p => p.InNewType).Select(p => p.Kind).ToList(),
        }, null, _partKinds, _fieldKinds, NoErrors));

    [HttpPost("/admin/loai-noi-dung/tao")]
    public async Task<IActionResult> Create(TypeForm form, CancellationToken ct)
    {
        var result = await editor.CreateTypeAsync(form, ct);
        if (!result.Succeeded)
        {
            return View("Type", new TypeEditView(form, null, _partKinds, _fieldKinds, result.Errors));
        }

        logger.LogInformation("Content type {Type} created", form.Name.Trim());
        Flash(T["The content type {0} has been created. Add its fields below.", form.DisplayName.Trim()]);
        return Redirect(TypeUrl(form.Name.Trim()));
    }

    [HttpGet("/admin/loai-noi-dung/{name}/sua")]
    public async Task<IActionResult> Edit([FromRoute] string name, CancellationToken ct)
    {
        if (await definitions.GetTypeDefinitionAsync(name, ct) is not { } type)
        {
            return NotFound();
        }

        var settings = type.TypeSettings;
        var form = new TypeForm
        {
            Name = type.Name,
            DisplayName = type.DisplayName,
            Creatable = settings.Creatable,
            Listable = settings.Listable,
            Draftable = settings.Draftable,
            Versionable = settings.Versionable,
            Securable = settings.Securable,
            RequiresReview = ContentDefinitionEditor.RequiresReview(type),
            Parts = type.Parts.Select(p => p.PartName).Where(ContentKinds.Parts.Contains).Distinct().ToList(),
        };
        return View("Type", new TypeEditView(form, type, _partKinds, _fieldKinds, NoErrors));
    }

    [HttpPost("/admin/loai-noi-dung/{name}/sua")]
    public async Task<IActionResult> Edit([FromRoute] string name, TypeForm form, CancellationToken ct)
    {
        if (await definitions.GetTypeDefinitionAsync(name, ct) is not { } type)
        {
            return NotFound();
        }

        form.Name = type.Name;
        var result = await editor.UpdateTypeAsync(name, form, ct);
        if (!result.Succeeded)
        {
            return View("Type", new TypeEditView(form, type, _partKinds, _fieldKinds, result.Errors));
        }

        logger.LogInformation("Content type {Type} changed", name);
        Flash(T["The content type {0} has been saved.", form.DisplayName.Trim()]);
        return Redirect(TypeUrl(name));
    }

    [HttpGet("/admin/loai-noi-dung/{name}/truong/them")]
    public async Task<IActionResult> AddField([FromRoute] string name, string? kind, CancellationToken ct)
    {
        if (await definitions.GetTypeDefinitionAsync(name, ct) is not { } type)
        {
            return NotFound();
        }

        var form = new FieldForm { Kind = kind ?? "" };
        form.Settings = SettingsEditor(form.Kind)?.NewSettings();

        return View("Field", await FieldViewAsync(type, form, null, NoErrors, ct));
    }

    [HttpPost("/admin/loai-noi-dung/{name}/truong/them")]
    public async Task<IActionResult> AddField([FromRoute] string name, FieldForm form, CancellationToken ct)
    {
        if (await definitions.GetTypeDefinitionAsync(name, ct) is not { } type)
        {
            return NotFound();
        }

        form.Settings = SettingsEditor(form.Kind.Trim())?.BindSettings(await PostedFormAsync(ct));
        var result = await editor.SaveFieldAsync(name, null, form, ct);
        if (!result.Succeeded)
        {
            return View("Field", await FieldViewAsync(type, form, null, result.Errors, ct));
        }

        logger.LogInformation("Field {Field} ({Kind}) added to {Type}", form.Name.Trim(), form.Kind, name);
        Flash(T["The field {0} has been added.", form.DisplayName.Trim()]);
        return Redirect(TypeUrl(name));
    }

    [HttpGet("/admin/loai-noi-dung/{name}/truong/{field}/sua")]
    public async Task<IActionResult> EditField([FromRoute] string name, [FromRoute] string field, CancellationToken ct)
    {
        if (await FindFieldAsync(name, field, ct) is not var (type, definition))
        {
            return NotFound();
        }

        return View("Field", await FieldViewAsync(type, editor.ToForm(definition), field, NoErrors, ct));
    }

    [HttpPost("/admin/loai-noi-dung/{name}/truong/{field}/sua")]
    public async Task<IActionResult> EditField([FromRoute] string name, [FromRoute] string field, FieldForm form, CancellationToken ct)
    {
        if (await FindFieldAsync(name, field, ct) is not var (type, definition))
        {
            return NotFound();
        }

        form.Kind = definition.FieldName;
        form.Name = definition.Name;
        form.Settings = SettingsEditor(form.Kind)?.BindSettings(await PostedFormAsync(ct));
        var result = await editor.SaveFieldAsync(name, field, form, ct);
        if (!result.Succeeded)
        {
            return View("Field", await FieldViewAsync(type, form, field, result.Errors, ct));
        }

        logger.LogInformation("Field {Field} of {Type} changed", field, name);
        Flash(T["The field {0} has been saved.", form.DisplayName.Trim()]);
        return Redirect(TypeUrl(name));
    }

    [HttpGet("/admin/loai-noi-dung/{name}/truong/{field}/xoa")]
    public async Task<IActionResult> RemoveField([FromRoute] string name, [FromRoute] string field, CancellationToken ct)
        => await FindFieldAsync(name, field, ct) is var (type, definition)
            ? View(new RemoveFieldView(type, definition))
            : NotFound();

    [HttpPost("/admin/loai-noi-dung/{name}/truong/{field}/xoa")]
    [ActionName("RemoveField")]
    public async Task<IActionResult> RemoveFieldConfirmed([FromRoute] string name, [FromRoute] string field, CancellationToken ct)
    {
        if (await FindFieldAsync(name, field, ct) is not var (_, definition))
        {
            return NotFound();
        }

        await editor.RemoveFieldAsync(name, field, ct);
        logger.LogInformation("Field {Field} removed from {Type}", field, name);
        Flash(T["The field {0} has been removed. Values already saved stay in the stored versions.", definition.DisplayName]);
        return Redirect(TypeUrl(name));
    }

    private static string TypeUrl([FromRoute] string name) => $"/admin/loai-noi-dung/{Uri.EscapeDataString(name)}/sua";

    private async Task<(ContentTypeDefinition Type, ContentPartFieldDefinition Field)?> FindFieldAsync([FromRoute] string name, [FromRoute] string field, CancellationToken ct)
    {
        var type = await definitions.GetTypeDefinitionAsync(name, ct);
        var definition = type?.Parts.FirstOrDefault(p => p.PartName == type.Name)?.PartDefinition.Fields.FirstOrDefault(f => f.Name == field);
        return type is null || definition is null ? null : (type, definition);
    }

    private async Task<FieldEditView> FieldViewAsync(ContentTypeDefinition type, FieldForm form, string? field,
        IReadOnlyDictionary<string, string> errors, CancellationToken ct)
    {
        var settingsEditor = SettingsEditor(form.Kind);
        if (settingsEditor is not null && form.Settings is not null)
        {
            await settingsEditor.PrepareViewAsync(form.Settings, ct);
        }

        return new(type, form, field, _fieldKinds, settingsEditor, errors);
    }

    private IFieldSettingsEditor? SettingsEditor(string kind) => _fieldKinds.FirstOrDefault(k => k.Kind == kind);

    private async Task<IFormCollection> PostedFormAsync(CancellationToken ct)
        => Request.HasFormContentType ? await Request.ReadFormAsync(ct) : FormCollection.Empty;
}
