using System.Globalization;
using System.Text.Json.Nodes;
using ChuyenDe.Modules.Contents;
using ChuyenDe.Modules.Fields;
using ChuyenDe.Modules.Fields.AutoroutePart;
using ChuyenDe.Modules.Fields.BooleanField;
using ChuyenDe.Modules.Fields.ConsentPart;
using ChuyenDe.Modules.Fields.DateField;
using ChuyenDe.Modules.Fields.DateTimeField;
using ChuyenDe.Modules.Fields.Editing;
using ChuyenDe.Modules.Fields.LinkField;
using ChuyenDe.Modules.Fields.MarkdownBodyPart;
using ChuyenDe.Modules.Fields.MediaField;
using ChuyenDe.Modules.Fields.NumericField;
using ChuyenDe.Modules.Fields.PublishLaterPart;
using ChuyenDe.Modules.Fields.Rendering;
using ChuyenDe.Modules.Fields.TextField;
using ChuyenDe.Modules.Media;
using ChuyenDe.Modules.Security;
using ChuyenDe.Modules.Settings;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ChuyenDe.Tests.Unit.Fields;

/// <summary>The drivers' editors, one kind at a time: reading a stored value into the form, binding what was posted, errors.</summary>
public sealed class FieldEditorTests
{
    private static readonly TimeZoneInfo Vietnam = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");
    private static readonly ContentBindOptions Options = new(Vietnam);
    private static readonly UserScope School = new("u1", "truong.benthanh", "Trường", "truong-mn-ben-thanh", "School",
        new HashSet<string> { "truong-mn-ben-thanh" }, new HashSet<string>(), false);

    private readonly IStringLocalizer<FieldsResources> _t;

    public FieldEditorTests()
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("vi-VN");
        var factory = new ResourceManagerStringLocalizerFactory(Microsoft.Extensions.Options.Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance);
        _t = new StringLocalizer<FieldsResources>(factory);
    }

    private static EditedField Field(string kind, string? settings = null, string name = "Field", string label = "Nhãn")
    {
        var json = settings is null ? new JsonObject() : JsonNode.Parse(settings)!.AsObject();
        json["ContentPartFieldSettings"] ??= new JsonObject();
        json["ContentPartFieldSettings"]!["DisplayName"] ??= label;
        return new EditedField("Part", new ContentPartFieldDefinition { Name = name, FieldName = kind, Settings = json });
    }

    private static EditedPart Part(string kind, string? settings = null)
        => new(new ContentTypePartDefinition
        {
            Name = kind,
            PartName = kind,
            Settings = settings is null ? new JsonObject() : JsonNode.Parse(settings)!.AsObject(),
            PartDefinition = new ContentPartDefinition { Name = kind, Settings = new JsonObject(), Fields = [] },
        });

    private static ContentFormValues Form(params (string Key, string[] Values)[] values)
    {
        var form = new ContentFormValues();
        foreach (var (key, v) in values)
        {
            form.SetAll(key, v);
        }

        return form;
    }

    [Theory]
    [InlineData("10.5", 10.5)]
    [InlineData("10,5", 10.5)]
    [InlineData("1.234,5", 1234.5)]
    public void A_number_binds_as_browsers_send_it_and_as_Vietnamese_write_it_and_reads_back_invariant(string typed, double stored)
    {
        IFieldEditor editor = new NumericFieldDriver(_t);
        var field = Field(ContentKinds.NumericField);
        var value = new JsonObject();

        Assert.Null(editor.Bind(field, Form(("Part.Field", [typed])), value, Options));

        Assert.Equal((decimal)stored, value["Value"]!.GetValue<decimal>());
        var read = new ContentFormValues();
        editor.Read(field, value, read, Vietnam);
        Assert.Equal(((decimal)stored).ToString(CultureInfo.InvariantCulture), read.Get("Part.Field"));
    }

    [Fact]
    public void A_number_that_cannot_be_read_is_an_error_of_its_field_in_Vietnamese_and_leaves_no_value()
    {
        IFieldEditor editor = new NumericFieldDriver(_t);
        var value = new JsonObject { ["Value"] = 3 };

        var error = editor.Bind(Field(ContentKinds.NumericField, label: "Số trẻ"), Form(("Part.Field", ["ba mươi"])), value, Options);

        Assert.Equal("Part.Field", error!.Key);
        Assert.Equal("Số trẻ phải là một số, ví dụ 12 hoặc 10,5.", error.Message);
        Assert.Null(value["Value"]);
    }

    [Fact]
    public async Task A_number_box_gets_the_fields_bounds_and_a_step_from_its_scale()
    {
        IFieldEditor editor = new NumericFieldDriver(_t);
        var field = Field(ContentKinds.NumericField, """{"NumericFieldSettings":{"Minimum":-90,"Maximum":90,"Scale":6,"Required":true}}""");

        var view = await editor.BuildEditorAsync(field, new EditorContext(School, new ContentFormValues(), new SiteSettings()));

        Assert.Equal(("-90", "90", "0.000001", true), (view.Minimum, view.Maximum, view.Step, view.Required));
        Assert.Equal(("Part.Field", "f-Part-Field", NumericFieldDriver.EditorView), (view.Key, view.Id, view.View));
    }

    [Fact]
    public void Dates_bind_day_first_and_moments_in_the_sites_time_zone_with_errors_for_what_cannot_be_read()
    {
        IFieldEditor date = new DateFieldDriver(_t);
        IFieldEditor moment = new DateTimeFieldDriver(_t);
        var dateValue = new JsonObject();
        var momentValue = new JsonObject();

        Assert.Null(date.Bind(Field(ContentKinds.DateField), Form(("Part.Field", ["05/09/2024"])), dateValue, Options));
        Assert.Null(moment.Bind(Field(ContentKinds.DateTimeField), Form(("Part.Field", ["29/03/2026 17:00"])), momentValue, Options));

        Assert.Equal("2024-09-05T00:00:00", dateValue["Value"]!.GetValue<string>());
        Assert.Equal("2026-03-29T10:00:00Z", momentValue["Value"]!.GetValue<string>());
        var read = new ContentFormValues();
        moment.Read(Field(ContentKinds.DateTimeField), momentValue, read, Vietnam);
        Assert.Equal("2026-03-29T17:00", read.Get("Part.Field"));

        var dateError = date.Bind(Field(ContentKinds.DateField, label: "Ngày"), Form(("Part.Field", ["2024-13-40"])), dateValue, Options);
        var momentError = moment.Bind(Field(ContentKinds.DateTimeField, label: "Bắt đầu"), Form(("Part.Field", ["ngày mai"])), momentValue, Options);
        Assert.StartsWith("Ngày không phải ngày hợp lệ", dateError!.Message);
        Assert.StartsWith("Bắt đầu không phải ngày giờ hợp lệ", momentError!.Message);
        Assert.Null(dateValue["Value"]);
        Assert.Null(momentValue["Value"]);
    }

    [Fact]
    public async Task Text_is_trimmed_a_text_area_keeps_its_lines_and_a_predefined_list_offers_its_options()
    {
        IFieldEditor editor = new TextFieldDriver(_t);
        var area = Field(ContentKinds.TextField, """{"ContentPartFieldSettings":{"Editor":"TextArea"}}""");
        var value = new JsonObject();

        editor.Bind(area, Form(("Part.Field", ["  Dòng một\r\nDòng hai \r\n\r\n"])), value, Options);
        Assert.Equal("Dòng một\nDòng hai", value["Text"]!.GetValue<string>());
        editor.Bind(area, Form(("Part.Field", ["   "])), value, Options);
        Assert.Null(value["Text"]);

        var list = Field(ContentKinds.TextField, """{"TextFieldPredefinedListEditorSettings":{"Options":[{"name":"Cấp trường","value":"truong"}]}}""");
        var view = await editor.BuildEditorAsync(list, new EditorContext(School, new ContentFormValues(), new SiteSettings()));
        Assert.Equal([new EditorOption("truong", "Cấp trường")], view.Options);
    }

    [Fact]
    public void An_unticked_checkbox_is_false_and_a_link_keeps_its_target()
    {
        IFieldEditor flag = new BooleanFieldDriver(_t);
        IFieldEditor link = new LinkFieldDriver(_t);
        var flagValue = new JsonObject { ["Value"] = true };
        var linkValue = new JsonObject { ["Target"] = "_blank", ["Text"] = "cũ" };

        flag.Bind(Field(ContentKinds.BooleanField), Form(), flagValue, Options);
        link.Bind(Field(ContentKinds.LinkField), Form(("Part.Field.Url", [" https://truong.example.edu.vn "]), ("Part.Field.Text", [""])), linkValue, Options);

        Assert.False(flagValue["Value"]!.GetValue<bool>());
        Assert.Equal("""{"Target":"_blank","Url":"https://truong.example.edu.vn"}""", linkValue.ToJsonString());
    }

    [Fact]
    public async Task A_media_field_binds_chosen_files_with_their_texts_and_refuses_an_added_file_the_user_may_not_use()
    {
        var files = new FakeMediaFiles("u/truong-mn-ben-thanh/a.jpg");
        IFieldEditor editor = new MediaFieldDriver(null!, null!, files, _t);
        var field = Field(ContentKinds.MediaField, """{"MediaFieldSettings":{"Multiple":true,"AllowMediaText":true}}""", label: "Hình ảnh");
        var value = new JsonObject();
        var posted = Form(
            ("Part.Field", ["u/truong-mn-ben-thanh/a.jpg", "u/truong-mn-cuu-long/b.jpg", "u/truong-mn-ben-thanh/a.jpg", " "]),
            ("Part.Field.MediaText[u/truong-mn-ben-thanh/a.jpg]", [" Ảnh A "]));

        Assert.Null(editor.Bind(field, posted, value, Options));
        Assert.Equal("""{"Paths":["u/truong-mn-ben-thanh/a.jpg","u/truong-mn-cuu-long/b.jpg"],"MediaTexts":["Ảnh A",""]}""",
            value.ToJsonString(ContentJson.Options));

        // Another organisation's upload is refused like a missing file, naming neither owner nor existence.
        var refused = await editor.CheckReferencesAsync(field, posted, null, School);
        Assert.Equal("Hình ảnh: tệp u/truong-mn-cuu-long/b.jpg không có trong thư viện tệp.", refused!.Message);
        Assert.Equal("Part.Field", refused.Key);

        // A file already on the stored item is kept without being checked again.
        var stored = JsonNode.Parse("""{"Paths":["u/truong-mn-cuu-long/b.jpg"]}""")!.AsObject();
        Assert.Null(await editor.CheckReferencesAsync(field, posted, stored, School));
        Assert.Equal(["u/truong-mn-ben-thanh/a.jpg"], files.Asked.Last());
    }

    [Fact]
    public async Task A_markdown_body_refuses_a_new_link_to_a_file_the_user_may_not_use_and_previews_only_its_own_key()
    {
        var renderer = new ServiceCollection().AddFieldsModule().BuildServiceProvider().GetRequiredService<IContentHtmlRenderer>();
        IPartEditor editor = new MarkdownBodyPartDriver(renderer, _t, new FakeMediaFiles("u/truong-mn-ben-thanh/a.jpg"));
        var part = Part(ContentKinds.MarkdownBodyPart);
        var posted = Form(("MarkdownBodyPart.Markdown", ["![a](/media/u/truong-mn-ben-thanh/a.jpg) ![b](/media/u/khac/b.jpg)"]));

        var error = await editor.CheckReferencesAsync(part, posted, null, School);

        Assert.Equal("MarkdownBodyPart.Markdown", error!.Key);
        Assert.Contains("/media/u/khac/b.jpg", error.Message, StringComparison.Ordinal);
        Assert.StartsWith("Nội dung:", error.Message, StringComparison.Ordinal);
        Assert.Null(await editor.CheckReferencesAsync(part, posted, JsonNode.Parse("""{"Markdown":"![b](/media/u/khac/b.jpg)"}""")!.AsObject(), School));
        Assert.Contains("<img", editor.Preview(part, posted, "MarkdownBodyPart.Markdown")!.Html, StringComparison.Ordinal);
        Assert.Null(editor.Preview(part, posted, "HtmlBodyPart.Html"));
    }

    [Fact]
    public void A_schedule_is_bound_only_when_allowed_and_a_wrong_time_is_an_error_under_the_parts_label()
    {
        IPartEditor editor = new PublishLaterPartDriver(_t);
        var part = Part(ContentKinds.PublishLaterPart, """{"ContentTypePartSettings":{"DisplayName":"Đăng lúc"}}""");
        var item = new ContentItem { ContentItemId = "i1", ContentType = "Article" };
        item.GetOrCreatePart("PublishLaterPart")["ScheduledPublishUtc"] = "2030-01-01T00:00:00Z";

        Assert.Null(editor.Bind(part, Form(("PublishLaterPart.ScheduledPublishUtc", ["2026-01-01T08:00"])), item, Options with { BindSchedule = false }));
        Assert.Equal("2030-01-01T00:00:00Z", item.Part("PublishLaterPart")!["ScheduledPublishUtc"]!.GetValue<string>());

        Assert.Null(editor.Bind(part, Form(("PublishLaterPart.ScheduledPublishUtc", ["2026-01-01T08:00"])), item, Options));
        Assert.Equal("2026-01-01T01:00:00Z", item.Part("PublishLaterPart")!["ScheduledPublishUtc"]!.GetValue<string>());

        var error = editor.Bind(part, Form(("PublishLaterPart.ScheduledPublishUtc", ["30/02/2026 08:00"])), item, Options);
        Assert.Equal("PublishLaterPart.ScheduledPublishUtc", error!.Key);
        Assert.StartsWith("Đăng lúc không phải ngày giờ hợp lệ", error.Message, StringComparison.Ordinal);
        Assert.Null(item.Part("PublishLaterPart")!["ScheduledPublishUtc"]);
    }

    [Fact]
    public async Task A_consent_records_who_and_when_on_the_server_keeps_an_earlier_confirmation_and_shows_it()
    {
        IPartEditor editor = new ConsentPartDriver(_t);
        var part = Part(ContentKinds.ConsentPart);
        var item = new ContentItem { ContentItemId = "i1", ContentType = "Initiative" };
        var ticked = Form(("ConsentPart.Confirmed", ["true"]), ("ConsentPart.ConfirmedBy", ["gia-mao"]));
        var first = Options with { UserName = "truong.benthanh", UtcNow = new DateTime(2026, 3, 1, 1, 30, 0, DateTimeKind.Utc) };

        editor.Bind(part, ticked, item, first);
        editor.Bind(part, ticked, item, first with { UserName = "so.hcm", UtcNow = first.UtcNow.AddDays(1) });

        Assert.Equal("""{"Confirmed":true,"ConfirmedBy":"truong.benthanh","ConfirmedUtc":"2026-03-01T01:30:00Z"}""", item.Part("ConsentPart")!.ToJsonString());
        var view = await editor.BuildEditorAsync(part, new EditorContext(School, ticked, new SiteSettings()) { Existing = item });
        Assert.Equal("Đã xác nhận bởi truong.benthanh lúc 08:30 01/03/2026.", view!.FixedText);

        editor.Bind(part, Form(), item, first);
        Assert.Equal("{}", item.Part("ConsentPart")!.ToJsonString());
    }

    [Fact]
    public async Task An_address_made_from_the_title_is_shown_fixed_and_not_bound()
    {
        IPartEditor editor = new AutoroutePartDriver(_t);
        var part = Part(ContentKinds.AutoroutePart);
        var item = new ContentItem { ContentItemId = "i1", ContentType = "Article" };

        Assert.Null(editor.Bind(part, Form(("AutoroutePart.Path", ["gia-mao"])), item, Options));
        Assert.Null(item.Part("AutoroutePart"));

        item.GetOrCreatePart("AutoroutePart")["Path"] = "tin-tuc/bai-1";
        var view = await editor.BuildEditorAsync(part, new EditorContext(School, new ContentFormValues(), new SiteSettings()) { Existing = item });
        Assert.Equal((true, "tin-tuc/bai-1", "Đường dẫn"), (view!.Fixed, view.FixedText, view.Label));
    }

    [Fact]
    public void Every_field_kind_and_every_part_with_an_editor_registers_one_through_its_drivers_line()
    {
        var services = new ServiceCollection().AddFieldsModule();

        Assert.Equal(ContentKinds.Fields.Count, services.Count(d => d.ServiceType == typeof(IFieldEditor)));
        Assert.Equal(8, services.Count(d => d.ServiceType == typeof(IPartEditor)));
        Assert.Single(services, d => d.ServiceType == typeof(ChuyenDe.Modules.Fields.ContentPickerField.IContentPickerSearch));
    }

    /// <summary>A media library in which the user may use exactly the given files; records what was asked.</summary>
    private sealed class FakeMediaFiles(params string[] usable) : IMediaFileAccess
    {
        public List<IReadOnlyCollection<string>> Asked { get; } = [];

        public Task<IReadOnlyList<MediaChoice>> ListChoosableAsync(UserScope user, CancellationToken ct = default)
            => Task.FromResult<IReadOnlyList<MediaChoice>>(usable.Select(p => new MediaChoice(p, Path.GetFileName(p))).ToList());

        public Task<IReadOnlySet<string>> UsableAsync(UserScope user, IReadOnlyCollection<string> paths, CancellationToken ct = default)
        {
            Asked.Add(paths);
            return Task.FromResult<IReadOnlySet<string>>(paths.Where(usable.Contains).ToHashSet());
        }

        public Task<IReadOnlySet<string>> OwnedByItemAsync(string? itemOrganizationId, IReadOnlyCollection<string> paths, CancellationToken ct = default)
            => throw new NotSupportedException();
    }
}
