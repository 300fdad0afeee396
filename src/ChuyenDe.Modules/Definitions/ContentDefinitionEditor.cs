using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ChuyenDe.Modules.Contents;
using ChuyenDe.Modules.Data;
using ChuyenDe.Modules.Fields;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ChuyenDe.Modules.Definitions;

/// <summary>
/// Changes content types and the fields of a type's own part, writing Orchard Core's JSON shapes through
/// <see cref="IContentDefinitionManager"/>. Settings the forms do not show (Stereotype, Placeholder, …) are kept. A field
/// kind's own settings are read, checked and written by its <see cref="IFieldSettingsEditor"/> (its driver).
/// </summary>
public interface IContentDefinitionEditor
{
    Task<DefinitionResult> CreateTypeAsync(TypeForm form, CancellationToken ct = default);
    Task<DefinitionResult> UpdateTypeAsync(string typeName, TypeForm form, CancellationToken ct = default);

    /// <summary>Adds a field to the type's own part (<paramref name="fieldName"/> null) or changes one.</summary>
    Task<DefinitionResult> SaveFieldAsync(string typeName, string? fieldName, FieldForm form, CancellationToken ct = default);

    /// <summary>Removes a field from the type's own part; the values already saved stay in the stored versions.</summary>
    Task<bool> RemoveFieldAsync(string typeName, string fieldName, CancellationToken ct = default);

    /// <summary>The form of an existing field, for editing, with its kind's settings.</summary>
    FieldForm ToForm(ContentPartFieldDefinition field);
}

internal sealed partial class ContentDefinitionEditor(
    IContentDefinitionManager definitions,
    IEnumerable<IFieldSettingsEditor> fieldKinds,
    IEnumerable<IPartSettingsEditor> partKinds,
    DbContext db,
    IStringLocalizer<DefinitionsResources> T) : IContentDefinitionEditor
{
    /// <summary>The part kinds offered, in the order they take in a new type (the order of their drivers' registration).</summary>
    private readonly IReadOnlyList<IPartSettingsEditor> _partKinds = partKinds.ToList();

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_]{0,127}$")]
    private static partial Regex Identifier();

    public async Task<DefinitionResult> CreateTypeAsync(TypeForm form, CancellationToken ct = default)
    {
        var errors = new Dictionary<string, string>();
        var name = (form.Name ?? "").Trim();
        if (name.Length == 0)
        {
            errors[nameof(form.Name)] = T["Please enter a technical name."];
        }
        else if (!Identifier().IsMatch(name))
        {
            errors[nameof(form.Name)] = T["The technical name may contain only letters A–Z without tone marks, digits and _, and must start with a letter (e.g. Announcement)."];
        }
        else if (await IsNameTakenAsync(name, ct))
        {
            errors[nameof(form.Name)] = T["The name {0} is already used by a content type or part.", name];
        }

        ValidateType(form, errors);
        if (errors.Count > 0)
        {
            return new DefinitionResult(errors);
        }

        var records = new JsonArray();
        foreach (var part in _partKinds.Where(p => form.Parts.Contains(p.Kind)))
        {
            records.Add(NewPartRecord(part, records.Count));
        }

        var type = new JsonObject
        {
            ["Name"] = name,
            ["DisplayName"] = Clean(form.DisplayName),
            ["Settings"] = new JsonObject { ["ContentTypeSettings"] = new JsonObject() },
            ["ContentTypePartDefinitionRecords"] = records,
        };
        ApplyTypeSettings(type, form);
        await definitions.StoreTypeAsync(type, ct);
        return DefinitionResult.Success;
    }

    public async Task<DefinitionResult> UpdateTypeAsync(string typeName, TypeForm form, CancellationToken ct = default)
    {
        var type = await definitions.GetTypeJsonAsync(typeName, ct)
                   ?? throw new InvalidOperationException($"Unknown content type '{typeName}'.");
        var errors = new Dictionary<string, string>();
        ValidateType(form, errors);
        if (errors.Count > 0)
        {
            return new DefinitionResult(errors);
        }

        type["DisplayName"] = Clean(form.DisplayName);
        ApplyTypeSettings(type, form);
        var records = type["ContentTypePartDefinitionRecords"] as JsonArray ?? [];
        var kept = records.OfType<JsonObject>()
            .Where(r => !ContentKinds.Parts.Contains(PartNameOf(r)) || form.Parts.Contains(PartNameOf(r)))
            .Select(r => r.DeepClone())
            .ToList();
        var next = kept.Count == 0 ? 0 : kept.OfType<JsonObject>().Max(r => DefinitionJson.Position(r["Settings"]?["ContentTypePartSettings"]?["Position"])) + 1;
        foreach (var part in _partKinds.Where(p => form.Parts.Contains(p.Kind)))
        {
            if (!kept.OfType<JsonObject>().Any(r => PartNameOf(r) == part.Kind))
            {
                kept.Add(NewPartRecord(part, next++));
            }
        }

        type["ContentTypePartDefinitionRecords"] = new JsonArray(kept.ToArray());
        await definitions.StoreTypeAsync(type, ct);
        return DefinitionResult.Success;
    }

    public async Task<DefinitionResult> SaveFieldAsync(string typeName, string? fieldName, FieldForm form, CancellationToken ct = default)
    {
        var type = await definitions.GetTypeJsonAsync(typeName, ct)
                   ?? throw new InvalidOperationException($"Unknown content type '{typeName}'.");
        var part = await definitions.GetPartJsonAsync(typeName, ct) ?? new JsonObject
        {
            ["Name"] = typeName,
            ["Settings"] = new JsonObject(),
            ["ContentPartFieldDefinitionRecords"] = new JsonArray(),
        };
        var fields = part["ContentPartFieldDefinitionRecords"] as JsonArray ?? [];
        part["ContentPartFieldDefinitionRecords"] = fields;
        var existing = fieldName is null
            ? null
            : fields.OfType<JsonObject>().FirstOrDefault(f => Text(f["Name"]) == fieldName)
              ?? throw new InvalidOperationException($"Unknown field '{fieldName}' of '{typeName}'.");

        var errors = new Dictionary<string, string>();
        var kind = existing is null ? (form.Kind ?? "").Trim() : Text(existing["FieldName"]) ?? "";
        var name = existing is null ? (form.Name ?? "").Trim() : fieldName!;
        var settingsEditor = fieldKinds.FirstOrDefault(k => k.Kind == kind);
        if (existing is null)
        {
            if (settingsEditor is null)
            {
                errors[nameof(form.Kind)] = T["Please choose the kind of field."];
            }

            if (name.Length == 0)
            {
                errors[nameof(form.Name)] = T["Please enter a technical name."];
            }
            else if (!Identifier().IsMatch(name))
            {
                errors[nameof(form.Name)] = T["The technical name may contain only letters A–Z without tone marks, digits and _, and must start with a letter (e.g. Summary)."];
            }
            else if (fields.OfType<JsonObject>().Any(f => string.Equals(Text(f["Name"]), name, StringComparison.OrdinalIgnoreCase)))
            {
                errors[nameof(form.Name)] = T["The type already has a field named {0}.", name];
            }
        }

        if (string.IsNullOrWhiteSpace(form.DisplayName))
        {
            errors[nameof(form.DisplayName)] = T["Please enter the name shown to editors."];
        }
        else if (form.DisplayName.Trim().Length > 256)
        {
            errors[nameof(form.DisplayName)] = T["The display name may have at most 256 characters."];
        }

        int? position = null;
        if (!string.IsNullOrWhiteSpace(form.Position))
        {
            if (int.TryParse(form.Position.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var p) && p is >= 0 and <= 1000)
            {
                position = p;
            }
            else
            {
                errors[nameof(form.Position)] = T["The position must be a whole number from 0 to 1000."];
            }
        }

        var update = new FieldSettingsUpdate(errors);
        if (settingsEditor is not null)
        {
            await settingsEditor.UpdateSettingsAsync(form.Settings ?? settingsEditor.BindSettings(FormCollection.Empty), update, ct);
        }

        if (errors.Count > 0)
        {
            return new DefinitionResult(errors);
        }

        var settings = existing?["Settings"]?.DeepClone() as JsonObject ?? new JsonObject();
        var common = settings["ContentPartFieldSettings"] as JsonObject ?? new JsonObject();
        settings["ContentPartFieldSettings"] = common;
        common["DisplayName"] = Clean(form.DisplayName);
        position ??= existing is not null
            ? DefinitionJson.Position(common["Position"])
            : fields.OfType<JsonObject>().Select(f => DefinitionJson.Position(f["Settings"]?["ContentPartFieldSettings"]?["Position"]) + 1).DefaultIfEmpty(0).Max();
        common["Position"] = position.Value.ToString(CultureInfo.InvariantCulture);
        SetOrRemove(common, "Hint", Clean(form.Hint));

        var kindKey = kind + "Settings";
        var target = settings[kindKey] as JsonObject ?? new JsonObject();
        settings[kindKey] = target;
        SetOrRemove(target, "Hint", Clean(form.Hint));
        update.WriteTo(settings, target);

        var record = new JsonObject
        {
            ["FieldName"] = kind,
            ["Name"] = name,
            ["Settings"] = settings,
        };
        if (existing is null)
        {
            fields.Add(record);
        }
        else
        {
            fields[fields.IndexOf(existing)] = record;
        }

        await InTransactionAsync(async () =>
        {
            await definitions.StorePartAsync(part, ct);
            if (EnsureOwnPart(type))
            {
                await definitions.StoreTypeAsync(type, ct);
            }
        }, ct);
        return DefinitionResult.Success;
    }

    public async Task<bool> RemoveFieldAsync(string typeName, string fieldName, CancellationToken ct = default)
    {
        if (await definitions.GetPartJsonAsync(typeName, ct) is not { } part || part["ContentPartFieldDefinitionRecords"] is not JsonArray fields)
        {
            return false;
        }

        var field = fields.OfType<JsonObject>().FirstOrDefault(f => Text(f["Name"]) == fieldName);
        if (field is null)
        {
            return false;
        }

        fields.Remove(field);
        await definitions.StorePartAsync(part, ct);
        return true;
    }

    public FieldForm ToForm(ContentPartFieldDefinition field) => new()
    {
        Kind = field.FieldName,
        Name = field.Name,
        DisplayName = field.DisplayName,
        Hint = field.Hint,
        Position = field.Position.ToString(CultureInfo.InvariantCulture),
        Settings = fieldKinds.FirstOrDefault(k => k.Kind == field.FieldName)?.ReadSettings(field),
    };

    private void ValidateType(TypeForm form, Dictionary<string, string> errors)
    {
        if (string.IsNullOrWhiteSpace(form.DisplayName))
        {
            errors[nameof(form.DisplayName)] = T["Please enter the Vietnamese name of the type."];
        }
        else if (form.DisplayName.Trim().Length > 256)
        {
            errors[nameof(form.DisplayName)] = T["The display name may have at most 256 characters."];
        }

        if (form.Parts.FirstOrDefault(p => !ContentKinds.Parts.Contains(p)) is { } unknown)
        {
            errors[nameof(form.Parts)] = T["{0} is not a part this site knows.", unknown];
        }
        else if (_partKinds.Select(p => p.Conflict(form.Parts)).FirstOrDefault(c => c is not null) is { } conflict)
        {
            errors[nameof(form.Parts)] = conflict;
        }
    }

    private async Task<bool> IsNameTakenAsync(string name, CancellationToken ct)
    {
        if (ContentKinds.Parts.Contains(name, StringComparer.OrdinalIgnoreCase) || ContentKinds.Fields.Contains(name, StringComparer.OrdinalIgnoreCase))
        {
            return true;
        }

        var types = await definitions.ListTypeDefinitionsAsync(ct);
        var parts = await definitions.ListPartDefinitionsAsync(ct);
        return types.Any(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase))
               || parts.Any(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
    }

    private static void ApplyTypeSettings(JsonObject type, TypeForm form)
    {
        var settings = type["Settings"] as JsonObject ?? new JsonObject();
        type["Settings"] = settings;
        var typeSettings = settings["ContentTypeSettings"] as JsonObject ?? new JsonObject();
        settings["ContentTypeSettings"] = typeSettings;
        typeSettings["Creatable"] = form.Creatable;
        typeSettings["Listable"] = form.Listable;
        typeSettings["Draftable"] = form.Draftable;
        typeSettings["Versionable"] = form.Versionable;
        typeSettings["Securable"] = form.Securable;

        // Our own setting beside Orchard Core's: written when it is on or was there, so other types' JSON stays as it was.
        if (form.RequiresReview || settings["WorkflowSettings"] is JsonObject)
        {
            var workflow = settings["WorkflowSettings"] as JsonObject ?? new JsonObject();
            settings["WorkflowSettings"] = workflow;
            workflow["RequiresReview"] = form.RequiresReview;
        }
    }

    /// <summary>Whether the type's definition asks for the editorial review (<c>Settings.WorkflowSettings.RequiresReview</c>).</summary>
    public static bool RequiresReview(ContentTypeDefinition type) => type.Flag("WorkflowSettings", "RequiresReview");

    /// <summary>A part record as Orchard Core writes it, with the defaults this site's recipes use (given by the part's driver).</summary>
    private static JsonObject NewPartRecord(IPartSettingsEditor part, int position)
    {
        var settings = new JsonObject
        {
            ["ContentTypePartSettings"] = new JsonObject { ["Position"] = position.ToString(CultureInfo.InvariantCulture) },
        };
        part.NewRecordSettings(settings);
        return new JsonObject { ["PartName"] = part.Kind, ["Name"] = part.Kind, ["Settings"] = settings };
    }

    /// <summary>Adds the part named like the type (holding its fields) right after the title; false when it is there.</summary>
    private bool EnsureOwnPart(JsonObject type)
    {
        var name = Text(type["Name"])!;
        var records = type["ContentTypePartDefinitionRecords"] as JsonArray ?? [];
        type["ContentTypePartDefinitionRecords"] = records;
        if (records.OfType<JsonObject>().Any(r => PartNameOf(r) == name))
        {
            return false;
        }

        var ordered = records.OfType<JsonObject>()
            .OrderBy(r => DefinitionJson.Position(r["Settings"]?["ContentTypePartSettings"]?["Position"]))
            .Select(r => (JsonObject)r.DeepClone())
            .ToList();
        var titleIndex = ordered.FindIndex(r => _partKinds.Any(p => p.FieldsFollow && p.Kind == PartNameOf(r)));
        ordered.Insert(titleIndex + 1, new JsonObject { ["PartName"] = name, ["Name"] = name, ["Settings"] = new JsonObject() });
        for (var i = 0; i < ordered.Count; i++)
        {
            var settings = ordered[i]["Settings"] as JsonObject ?? new JsonObject();
            ordered[i]["Settings"] = settings;
            var typePartSettings = settings["ContentTypePartSettings"] as JsonObject ?? new JsonObject();
            settings["ContentTypePartSettings"] = typePartSettings;
            typePartSettings["Position"] = i.ToString(CultureInfo.InvariantCulture);
        }

        type["ContentTypePartDefinitionRecords"] = new JsonArray(ordered.Select(r => (JsonNode)r).ToArray());
        return true;
    }

    private Task InTransactionAsync(Func<Task> work, CancellationToken ct) => db.InTransactionAsync(work, ct);

    private static void SetOrRemove(JsonObject json, string key, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            json.Remove(key);
        }
        else
        {
            json[key] = value;
        }
    }

    private static string? Clean(string? text)
        => string.IsNullOrWhiteSpace(text) ? null : text.Trim().Normalize(NormalizationForm.FormC);

    private static string PartNameOf(JsonObject record) => Text(record["PartName"]) ?? "";

    private static string? Text(JsonNode? node)
        => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
