using System.Globalization;
using System.Text.Json.Nodes;
using ChuyenDe.Modules.Contents;
using ChuyenDe.Modules.Fields;
using ChuyenDe.Modules.Fields.BooleanField;
using ChuyenDe.Modules.Fields.MediaField;
using ChuyenDe.Modules.Fields.NumericField;
using ChuyenDe.Modules.Fields.TextField;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace ChuyenDe.Tests.Unit.Fields;

/// <summary>
/// The field kinds' settings editors (the field page of the content definition editor): what a posted form becomes,
/// the errors in Vietnamese, and what is stored in Orchard Core's shape (no database, but for the list of kinds).
/// </summary>
public sealed class FieldSettingsEditorTests
{
    private readonly IStringLocalizer<FieldsResources> _t;

    public FieldSettingsEditorTests()
    {
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("vi-VN");
        var factory = new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance);
        _t = new StringLocalizer<FieldsResources>(factory);
    }

    private static FormCollection Posted(params (string Key, string Value)[] values)
        => new(values.GroupBy(v => v.Key).ToDictionary(g => g.Key, g => new StringValues(g.Select(v => v.Value).ToArray())));

    /// <summary>Binds and checks the posted settings; on success writes them over <paramref name="existing"/> (a field's whole settings).</summary>
    private static async Task<(Dictionary<string, string> Errors, JsonObject Settings)> UpdateAsync(
        IFieldSettingsEditor editor, FormCollection posted, string existing = "{}")
    {
        var errors = new Dictionary<string, string>();
        var update = new FieldSettingsUpdate(errors);
        await editor.UpdateSettingsAsync(editor.BindSettings(posted), update);
        var settings = JsonNode.Parse(existing)!.AsObject();
        if (errors.Count == 0)
        {
            var common = settings["ContentPartFieldSettings"] as JsonObject ?? new JsonObject();
            settings["ContentPartFieldSettings"] = common;
            var kindSettings = settings[editor.Kind + "Settings"] as JsonObject ?? new JsonObject();
            settings[editor.Kind + "Settings"] = kindSettings;
            update.WriteTo(settings, kindSettings);
        }

        return (errors, settings);
    }

    private static void AssertJson(string expected, JsonNode? actual)
        => Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), actual), actual?.ToJsonString());

    [Fact]
    public async Task A_number_s_range_accepts_a_decimal_comma_and_keeps_settings_the_form_does_not_show()
    {
        IFieldSettingsEditor editor = new NumericFieldDriver(_t);

        var (errors, settings) = await UpdateAsync(editor, Posted(("Required", "true"), ("Minimum", "-1,5"), ("Maximum", " 3 "), ("Scale", "2")),
            """{ "NumericFieldSettings": { "Placeholder": "350", "Minimum": 0 } }""");

        Assert.Empty(errors);
        AssertJson("""{ "Placeholder": "350", "Minimum": -1.5, "Required": true, "Maximum": 3, "Scale": 2 }""", settings["NumericFieldSettings"]);

        // An empty limit removes the stored one.
        (_, settings) = await UpdateAsync(editor, Posted(("Maximum", "10")), """{ "NumericFieldSettings": { "Minimum": 5 } }""");
        AssertJson("""{ "Required": false, "Maximum": 10, "Scale": 0 }""", settings["NumericFieldSettings"]);
    }

    [Fact]
    public async Task A_wrong_number_is_shown_back_as_typed_with_a_Vietnamese_error()
    {
        IFieldSettingsEditor editor = new NumericFieldDriver(_t);

        var posted = (NumericFieldSettingsForm)editor.BindSettings(Posted(("Minimum", "6"), ("Maximum", "ba"), ("Scale", "11")));
        var (errors, _) = await UpdateAsync(editor, Posted(("Minimum", "6"), ("Maximum", "ba"), ("Scale", "11")));

        Assert.Equal(("6", "ba", "11"), (posted.Minimum, posted.Maximum, posted.Scale));
        Assert.Equal(["Maximum", "Scale"], errors.Keys);
        Assert.Equal("ba không phải là một số.", errors["Maximum"]);
        Assert.Equal("Giá trị lớn nhất không được nhỏ hơn giá trị nhỏ nhất.", (await UpdateAsync(editor, Posted(("Minimum", "6"), ("Maximum", "3")))).Errors["Maximum"]);
    }

    [Fact]
    public async Task Predefined_options_make_a_list_to_choose_from_and_several_lines_a_text_area()
    {
        IFieldSettingsEditor editor = new TextFieldDriver(_t);

        var (errors, settings) = await UpdateAsync(editor, Posted(("Options", "CC BY 4.0 | CC-BY-4.0\r\nBản quyền\n\n"), ("Multiline", "true")));

        Assert.Empty(errors);
        AssertJson("""{ "Editor": 0, "Options": [ { "name": "CC BY 4.0", "value": "CC-BY-4.0" }, { "name": "Bản quyền", "value": "Bản quyền" } ] }""",
            settings["TextFieldPredefinedListEditorSettings"]);
        Assert.Equal("PredefinedList", settings["ContentPartFieldSettings"]!["Editor"]!.GetValue<string>());
        AssertJson("""{ "Required": false }""", settings["TextFieldSettings"]);

        // Without options, several lines is the text area; the list is gone.
        (_, settings) = await UpdateAsync(editor, Posted(("Multiline", "true")), settings.ToJsonString());
        Assert.Null(settings["TextFieldPredefinedListEditorSettings"]);
        Assert.Equal("TextArea", settings["ContentPartFieldSettings"]!["Editor"]!.GetValue<string>());

        // One line again: the editor setting is removed, another editor (e.g. from a recipe) would be kept.
        (_, settings) = await UpdateAsync(editor, Posted(), settings.ToJsonString());
        Assert.Null(settings["ContentPartFieldSettings"]!["Editor"]);
        (_, settings) = await UpdateAsync(editor, Posted(), """{ "ContentPartFieldSettings": { "Editor": "Email" } }""");
        Assert.Equal("Email", settings["ContentPartFieldSettings"]!["Editor"]!.GetValue<string>());
    }

    [Fact]
    public async Task Options_without_a_name_or_with_a_value_twice_are_refused_and_read_back_one_a_line()
    {
        IFieldSettingsEditor editor = new TextFieldDriver(_t);

        Assert.Equal("Mỗi lựa chọn cần có tên trước dấu |.", (await UpdateAsync(editor, Posted(("Options", "| a")))).Errors["Options"]);
        Assert.Equal("Giá trị A xuất hiện hai lần trong các lựa chọn.", (await UpdateAsync(editor, Posted(("Options", "A\nB | A")))).Errors["Options"]);

        var field = new ContentPartFieldDefinition
        {
            Name = "License",
            FieldName = ContentKinds.TextField,
            Settings = JsonNode.Parse("""
                {
                  "ContentPartFieldSettings": { "Editor": "PredefinedList" },
                  "TextFieldSettings": { "Required": true },
                  "TextFieldPredefinedListEditorSettings": { "Options": [ { "name": "CC BY", "value": "CC-BY" }, { "name": "Khác", "value": "Khác" } ] }
                }
                """)!.AsObject(),
        };
        var form = (TextFieldSettingsForm)editor.ReadSettings(field);
        Assert.Equal((true, false, "CC BY | CC-BY\nKhác"), (form.Required, form.Multiline, form.Options));
    }

    [Fact]
    public async Task File_types_are_written_as_lower_case_extensions_and_a_new_media_field_takes_several_files()
    {
        IFieldSettingsEditor editor = new MediaFieldDriver(null!, null!, null!, _t);

        Assert.True(((MediaFieldSettingsForm)editor.NewSettings()).Multiple);
        Assert.False(((MediaFieldSettingsForm)editor.BindSettings(Posted())).Multiple);
        var (errors, settings) = await UpdateAsync(editor, Posted(("AllowedExtensions", "jpg, .PNG;.webp .jpg"), ("AllowMediaText", "true")));

        Assert.Empty(errors);
        AssertJson("""{ "Required": false, "Multiple": false, "AllowMediaText": true, "AllowedExtensions": [".jpg", ".png", ".webp"] }""", settings["MediaFieldSettings"]);
        Assert.Equal("x$y không phải là phần mở rộng của tệp. Hãy viết như .jpg, .png, .pdf.",
            (await UpdateAsync(editor, Posted(("AllowedExtensions", ".jpg, x$y")))).Errors["AllowedExtensions"]);
    }

    [Fact]
    public async Task A_check_box_has_a_label_and_a_default_but_no_required_setting()
    {
        IFieldSettingsEditor editor = new BooleanFieldDriver(_t);

        var (_, settings) = await UpdateAsync(editor, Posted(("Label", "  Đón đoàn tham quan "), ("DefaultValue", "true"), ("Required", "true")));
        AssertJson("""{ "Label": "Đón đoàn tham quan", "DefaultValue": true }""", settings["BooleanFieldSettings"]);

        (_, settings) = await UpdateAsync(editor, Posted(("Label", " ")), settings.ToJsonString());
        AssertJson("""{ "DefaultValue": false }""", settings["BooleanFieldSettings"]);
        Assert.False(((BooleanFieldSettingsForm)editor.ReadSettings(new ContentPartFieldDefinition
        {
            Name = "Open",
            FieldName = ContentKinds.BooleanField,
            Settings = settings,
        })).DefaultValue);
    }

    [Fact]
    public async Task The_kinds_offered_are_the_registered_drivers_in_their_order_with_Vietnamese_names()
    {
        await using var host = await TestHost.CreateAsync();
        var kinds = await host.InScopeAsync(sp => Task.FromResult(sp.GetServices<IFieldSettingsEditor>().Select(k => (k.Kind, k.DisplayName)).ToList()));

        Assert.Equal(
        [
            ("TextField", "Văn bản"), ("NumericField", "Số"), ("BooleanField", "Có/Không"), ("DateField", "Ngày"), ("DateTimeField", "Ngày giờ"),
            ("LinkField", "Liên kết"), ("MediaField", "Tệp, hình ảnh"), ("ContentPickerField", "Chọn nội dung khác"), ("TaxonomyField", "Thuật ngữ phân loại"),
        ], kinds);
        Assert.Equal(ContentKinds.Fields.Order(), kinds.Select(k => k.Kind).Order());
    }

    [Fact]
    public async Task The_parts_offered_for_a_type_are_the_registered_part_drivers_with_their_labels_and_defaults()
    {
        await using var host = await TestHost.CreateAsync();
        var parts = await host.InScopeAsync(sp => Task.FromResult(sp.GetServices<IPartSettingsEditor>().ToList()));

        Assert.Equal(
        [
            ("TitlePart", "Tiêu đề"), ("MarkdownBodyPart", "Nội dung soạn bằng Markdown"), ("HtmlBodyPart", "Nội dung soạn bằng HTML"),
            ("AutoroutePart", "Đường dẫn (URL) tạo từ tiêu đề"), ("OrganizationPart", "Đơn vị sở hữu nội dung"), ("PublishLaterPart", "Hẹn giờ đăng"),
            ("TaxonomyPart", "Các thuật ngữ của danh mục (dùng cho danh mục phân loại)"), ("TermPart", "Thuật ngữ thuộc danh mục (dùng cho thuật ngữ)"),
        ], parts.Select(p => (p.Kind, p.Label)));
        Assert.Equal(["TitlePart", "MarkdownBodyPart", "AutoroutePart"], parts.Where(p => p.InNewType).Select(p => p.Kind));
        Assert.Equal(["TitlePart"], parts.Where(p => p.FieldsFollow).Select(p => p.Kind));

        // Only the Markdown and the HTML body do not go together.
        string? Conflict(params string[] chosen) => parts.Select(p => p.Conflict(chosen)).FirstOrDefault(c => c is not null);
        Assert.Equal("Chỉ chọn một trong hai: nội dung Markdown hoặc nội dung HTML.", Conflict("TitlePart", "HtmlBodyPart", "MarkdownBodyPart"));
        Assert.Null(Conflict(parts.Select(p => p.Kind).Where(k => k != "HtmlBodyPart").ToArray()));

        // A new record: the display name beside the position, and the address's own settings as the recipes write them.
        var settings = new JsonObject { ["ContentTypePartSettings"] = new JsonObject { ["Position"] = "3" } };
        parts.Single(p => p.Kind == "AutoroutePart").NewRecordSettings(settings);
        AssertJson("""
            {
              "ContentTypePartSettings": { "Position": "3", "DisplayName": "Đường dẫn" },
              "AutoroutePartSettings": { "AllowCustomPath": true, "Pattern": "{{ ContentItem.DisplayText | slugify }}", "ShowHomepageOption": false }
            }
            """, settings);
        var term = new JsonObject { ["ContentTypePartSettings"] = new JsonObject { ["Position"] = "0" } };
        parts.Single(p => p.Kind == "TermPart").NewRecordSettings(term);
        AssertJson("""{ "ContentTypePartSettings": { "Position": "0" } }""", term);
    }
}
