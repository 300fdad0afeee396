using ChuyenDe.Modules.Contents;
using Microsoft.AspNetCore.Http;

namespace ChuyenDe.Modules.Fields.TaxonomyField;

/// <summary>The settings of terms: required, the taxonomy (it must exist), one term only, leaves only.</summary>
internal sealed partial class TaxonomyFieldDriver : IFieldSettingsEditor
{
    public string DisplayName => T["Taxonomy terms"];

    public string SettingsView => "~/Fields/TaxonomyField/Views/TaxonomyFieldSettings.cshtml";

    public FieldSettingsForm NewSettings() => new TaxonomyFieldSettingsForm();

    public FieldSettingsForm ReadSettings(ContentPartFieldDefinition field)
    {
        var s = field.KindSettings;
        return new TaxonomyFieldSettingsForm
        {
            Required = s.Required,
            TaxonomyContentItemId = s.TaxonomyContentItemId,
            Unique = s.Unique,
            LeavesOnly = s.LeavesOnly,
        };
    }

    public FieldSettingsForm BindSettings(IFormCollection posted) => new TaxonomyFieldSettingsForm
    {
        Required = posted.Flag(nameof(TaxonomyFieldSettingsForm.Required)),
        TaxonomyContentItemId = posted.Text(nameof(TaxonomyFieldSettingsForm.TaxonomyContentItemId)),
        Unique = posted.Flag(nameof(TaxonomyFieldSettingsForm.Unique)),
        LeavesOnly = posted.Flag(nameof(TaxonomyFieldSettingsForm.LeavesOnly)),
    };

    public async Task PrepareViewAsync(FieldSettingsForm settings, CancellationToken ct = default)
        => ((TaxonomyFieldSettingsForm)settings).Taxonomies = await taxonomies.ListTaxonomiesAsync(ct);

    public async Task UpdateSettingsAsync(FieldSettingsForm settings, FieldSettingsUpdate update, CancellationToken ct = default)
    {
        var form = (TaxonomyFieldSettingsForm)settings;
        update.Set("Required", form.Required);
        var taxonomyId = (form.TaxonomyContentItemId ?? "").Trim();
        if (taxonomyId.Length == 0)
        {
            update.AddError(nameof(form.TaxonomyContentItemId), T["Please choose the taxonomy whose terms editors pick."]);
        }
        else if (await taxonomies.GetTaxonomyAsync(taxonomyId, ct) is null)
        {
            update.AddError(nameof(form.TaxonomyContentItemId), T["The taxonomy {0} does not exist.", taxonomyId]);
        }

        update.Set("TaxonomyContentItemId", taxonomyId);
        update.Set("Unique", form.Unique);
        update.Set("LeavesOnly", form.LeavesOnly);
    }
}
