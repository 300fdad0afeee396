using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChuyenDe.Modules.Contents;
using ChuyenDe.Modules.Editors;
using ChuyenDe.Modules.Fields;
using ChuyenDe.Modules.Fields.Editing;
using ChuyenDe.Tests.Unit.Fields;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ChuyenDe.Tests.Unit.Editors;

/// <summary>Posted form values into an item's JSON and back through the drivers' editors, with the setup recipe's real type definitions.</summary>
public sealed class ContentAdminFormBinderTests
{
    private static readonly Lazy<IReadOnlyDictionary<string, ContentTypeDefinition>> Types = new(LoadTypes);
    private static readonly TimeZoneInfo Vietnam = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");
    private readonly ContentFormBinder _binder;

    public ContentAdminFormBinderTests()
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("vi-VN");
        var factory = new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance);
        _binder = new ContentFormBinder(FieldEditorsForTests.Create(new StringLocalizer<FieldsResources>(factory)));
    }

    private static IReadOnlyDictionary<string, ContentTypeDefinition> LoadTypes()
    {
        var text = File.ReadAllText(Path.Combine(TestHost.RecipesFolder, TestHost.SetupRecipeFileName));
        var recipe = JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true })!;
        var step = recipe["steps"]!.AsArray().First(s => s!["name"]!.GetValue<string>() == "ContentDefinition")!;
        var parts = step["ContentParts"]!.AsArray().Select(p => ContentDefinitionManager.ParsePart(p!.AsObject()))
            .ToDictionary(p => p.Name, StringComparer.Ordinal);
        return step["ContentTypes"]!.AsArray().Select(t => ContentDefinitionManager.ParseType(t!.AsObject(), parts))
            .ToDictionary(t => t.Name, StringComparer.Ordinal);
    }

    private static ContentItem NewItem(string type)
    {
        var item = new ContentItem { ContentItemId = "item-1", ContentType = type };
        foreach (var part in Types.Value[type].Parts)
        {
            var json = item.GetOrCreatePart(part.Name);
            foreach (var field in part.PartDefinition.Fields)
            {
                json[field.Name] = new JsonObject();
            }
        }

        return item;
    }

    private static ContentFormValues Form(params (string Key, string[] Values)[] values)
    {
        var form = new ContentFormValues();
        foreach (var (key, v) in values)
        {
            form.SetAll(key, v);
        }

        return form;
    }

    private IReadOnlyList<ContentValidationError> Apply(string type, ContentItem item, ContentFormValues form, bool schedule = true)
        => _binder.Apply(Types.Value[type], form, item, new ContentBindOptions(Vietnam) { BindSchedule = schedule });

    [Fact]
    public void An_Initiative_form_becomes_Orchard_Core_JSON_and_reads_back_the_same()
    {
        var item = NewItem("Initiative");
        var form = Form(
            ("TitlePart.Title", ["  Góc thiên nhiên của bé  "]),
            ("AutoroutePart.Path", [""]),
            ("MarkdownBodyPart.Markdown", ["Dòng một\r\nDòng hai\r\n\r\n"]),
            ("OrganizationPart.OrganizationId", ["truong-mn-ben-thanh"]),
            ("PublishLaterPart.ScheduledPublishUtc", ["2026-12-01T08:00"]),
            ("Initiative.Summary", ["Tóm tắt\r\nhai dòng "]),
            ("Initiative.Authors", ["Nguyễn Thị Lan"]),
            ("Initiative.SchoolYear", ["", "sy-2024-2025"]),
            ("Initiative.Criteria", ["crit-1", "crit-3", "crit-1"]),
            ("Initiative.Images", ["mau/b.jpg", "mau/a.jpg"]),
            ("Initiative.Images.MediaText[mau/a.jpg]", ["Ảnh A"]),
            ("Initiative.Images.MediaText[mau/b.jpg]", ["Ảnh B"]),
            ("Initiative.Images.MediaText[mau/c.jpg]", ["không chọn nên bỏ qua"]),
            ("Initiative.Attachments", ["tai-lieu/sang-kien.pdf"]),
            ("Initiative.License", ["CC-BY-4.0"]),
            ("Initiative.AppliedOn", ["05/09/2024"]),
            ("Initiative.RelatedItems", ["item-2", " ", "item-3"]));

        var errors = Apply("Initiative", item, form);

        Assert.Empty(errors);
        Assert.Equal("Góc thiên nhiên của bé", item.Part("TitlePart")!["Title"]!.GetValue<string>());
        Assert.Null(item.Part("AutoroutePart")!["Path"]);
        Assert.Equal("Dòng một\nDòng hai", item.Part("MarkdownBodyPart")!["Markdown"]!.GetValue<string>());
        Assert.Equal("truong-mn-ben-thanh", item.Part("OrganizationPart")!["OrganizationId"]!.GetValue<string>());
        Assert.Equal("2026-12-01T01:00:00Z", item.Part("PublishLaterPart")!["ScheduledPublishUtc"]!.GetValue<string>());
        var fields = item.Part("Initiative")!;
        Assert.Equal("Tóm tắt\nhai dòng", fields["Summary"]!["Text"]!.GetValue<string>());
        Assert.Equal("""{"TaxonomyContentItemId":"tax-school-years","TermContentItemIds":["sy-2024-2025"]}""", fields["SchoolYear"]!.ToJsonString());
        Assert.Equal("""["crit-1","crit-3"]""", fields["Criteria"]!["TermContentItemIds"]!.ToJsonString());
        Assert.Equal("""{"Paths":["mau/b.jpg","mau/a.jpg"],"MediaTexts":["Ảnh B","Ảnh A"]}""", fields["Images"]!.ToJsonString(ContentJson.Options));
        Assert.Equal("""{"Paths":["tai-lieu/sang-kien.pdf"]}""", fields["Attachments"]!.ToJsonString());
        Assert.Equal("2024-09-05T00:00:00", fields["AppliedOn"]!["Value"]!.GetValue<string>());
        Assert.Equal("""["item-2","item-3"]""", fields["RelatedItems"]!["ContentItemIds"]!.ToJsonString());

        // Reading the item back gives the values the form shows, times in Vietnam time; applying them changes nothing.
        var read = _binder.Read(Types.Value["Initiative"], item, Vietnam);
        Assert.Equal("2026-12-01T08:00", read.Get("PublishLaterPart.ScheduledPublishUtc"));
        Assert.Equal("2024-09-05", read.Get("Initiative.AppliedOn"));
        Assert.Equal(["mau/b.jpg", "mau/a.jpg"], read.GetAll("Initiative.Images"));
        Assert.Equal("Ảnh A", read.Get("Initiative.Images.MediaText[mau/a.jpg]"));
        var before = item.ToJson().ToJsonString();
        Assert.Empty(Apply("Initiative", item, read));
        Assert.Equal(before, item.ToJson().ToJsonString());
    }

    [Theory]
    [InlineData("10.5", "10.5")]
    [InlineData("10,5", "10.5")]
    [InlineData("-90", "-90")]
    [InlineData("1.234,5", "1234.5")]
    [InlineData(" 106.700806 ", "106.700806")]
    public void Numbers_are_read_as_browsers_send_them_and_as_Vietnamese_write_them(string typed, string stored)
    {
        var item = NewItem("ModelSite");

        var errors = Apply("ModelSite", item, Form(("ModelSite.Latitude", [typed])));

        Assert.DoesNotContain(errors, e => e.Key == "ModelSite.Latitude");
        Assert.Equal(decimal.Parse(stored, CultureInfo.InvariantCulture), item.Field("ModelSite", "Latitude")!["Value"]!.GetValue<decimal>());
    }

    [Fact]
    public void Values_that_cannot_be_read_are_errors_of_their_field_in_Vietnamese_and_leave_no_value()
    {
        var item = NewItem("Event");
        item.GetOrCreateField("Event", "StartsAt")["Value"] = "2026-01-01T00:00:00Z";

        var errors = Apply("Event", item, Form(
            ("Event.StartsAt", ["ngày mai"]),
            ("PublishLaterPart.ScheduledPublishUtc", ["30/02/2026 08:00"])));

        var startsAt = Assert.Single(errors, e => e.Key == "Event.StartsAt");
        Assert.StartsWith("Bắt đầu không phải ngày giờ hợp lệ", startsAt.Message);
        Assert.Single(errors, e => e.Key == "PublishLaterPart.ScheduledPublishUtc");
        Assert.Null(item.Field("Event", "StartsAt")!["Value"]);

        var site = NewItem("ModelSite");
        var numberErrors = Apply("ModelSite", site, Form(("ModelSite.ChildrenCount", ["ba mươi"]), ("ModelSite.DesignatedOn", ["2024-13-40"])));
        Assert.Equal("Số trẻ phải là một số, ví dụ 12 hoặc 10,5.", Assert.Single(numberErrors, e => e.Key == "ModelSite.ChildrenCount").Message);
        Assert.Contains("không phải ngày hợp lệ", Assert.Single(numberErrors, e => e.Key == "ModelSite.DesignatedOn").Message);
    }

    [Fact]
    public void Date_times_are_typed_in_Vietnam_time_and_stored_in_UTC()
    {
        var item = NewItem("Event");

        Assert.Empty(Apply("Event", item, Form(("Event.StartsAt", ["2026-03-29T08:30"]), ("Event.EndsAt", ["29/03/2026 17:00"]))));

        Assert.Equal("2026-03-29T01:30:00Z", item.Field("Event", "StartsAt")!["Value"]!.GetValue<string>());
        Assert.Equal("2026-03-29T10:00:00Z", item.Field("Event", "EndsAt")!["Value"]!.GetValue<string>());
        Assert.Equal("2026-03-29T17:00", _binder.Read(Types.Value["Event"], item, Vietnam).Get("Event.EndsAt"));
    }

    [Fact]
    public void An_unticked_checkbox_is_false_and_a_link_keeps_properties_the_form_does_not_edit()
    {
        var item = NewItem("ModelSite");
        item.GetOrCreateField("ModelSite", "OpenForVisits")["Value"] = true;
        item.GetOrCreateField("ModelSite", "Website")["Target"] = "_blank";

        Apply("ModelSite", item, Form(("ModelSite.Website.Url", [" https://truong.example.edu.vn "]), ("ModelSite.Website.Text", [""])));

        Assert.False(item.Field("ModelSite", "OpenForVisits")!["Value"]!.GetValue<bool>());
        Assert.Equal("""{"Target":"_blank","Url":"https://truong.example.edu.vn"}""", item.Field("ModelSite", "Website")!.ToJsonString());
    }

    [Fact]
    public void The_schedule_is_left_alone_when_the_user_may_not_set_it()
    {
        var item = NewItem("Article");
        item.GetOrCreatePart("PublishLaterPart")["ScheduledPublishUtc"] = "2030-01-01T00:00:00Z";

        Apply("Article", item, Form(("PublishLaterPart.ScheduledPublishUtc", ["2026-01-01T08:00"])), schedule: false);

        Assert.Equal("2030-01-01T00:00:00Z", item.Part("PublishLaterPart")!["ScheduledPublishUtc"]!.GetValue<string>());
    }

    [Fact]
    public void Parts_the_form_does_not_edit_are_kept_and_organisation_binding_can_be_turned_off()
    {
        var item = NewItem("Taxonomy");
        item.GetOrCreatePart("TaxonomyPart")["Terms"] = new JsonArray(new JsonObject { ["ContentItemId"] = "t1" });
        var article = NewItem("Article");
        article.GetOrCreatePart("OrganizationPart")["OrganizationId"] = "truong-mn-ben-thanh";

        Apply("Taxonomy", item, Form(("TitlePart.Title", ["Danh mục"]), ("TaxonomyPart.Terms", ["x"])));
        _binder.Apply(Types.Value["Article"], Form(("OrganizationPart.OrganizationId", ["truong-mn-cuu-long"])), article,
            new ContentBindOptions(Vietnam) { BindOrganization = false });

        Assert.Equal("""[{"ContentItemId":"t1"}]""", item.Part("TaxonomyPart")!["Terms"]!.ToJsonString());
        Assert.Equal("truong-mn-ben-thanh", article.Part("OrganizationPart")!["OrganizationId"]!.GetValue<string>());
    }

    [Fact]
    public void Media_texts_are_dropped_for_fields_without_them_and_predefined_text_is_kept_as_chosen()
    {
        var item = NewItem("Initiative");

        Apply("Initiative", item, Form(
            ("Initiative.Attachments", ["a.pdf"]),
            ("Initiative.Attachments.MediaText[a.pdf]", ["bỏ qua"]),
            ("Initiative.License", ["All-rights-reserved"])));

        Assert.Null(item.Field("Initiative", "Attachments")!["MediaTexts"]);
        Assert.Equal("All-rights-reserved", item.Field("Initiative", "License")!["Text"]!.GetValue<string>());
    }

    [Fact]
    public void Form_keys_and_element_ids_follow_the_engine_s_error_keys()
    {
        Assert.Equal("Initiative.Summary", FormKeys.For("Initiative", "Summary"));
        Assert.Equal(new ContentValidationError("Initiative", "Summary", "x").Key, FormKeys.For("Initiative", "Summary"));
        Assert.Equal("f-Initiative-Images-MediaText-mau-a-jpg-", FormKeys.ElementId(FormKeys.MediaText("Initiative.Images", "mau/a.jpg")));
        Assert.Equal("f-TitlePart-Title-error", FormKeys.ElementId("TitlePart.Title", "error"));
    }
}
