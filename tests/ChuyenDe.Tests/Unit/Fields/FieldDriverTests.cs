using System.Globalization;
using System.Text.Json.Nodes;
using ChuyenDe.Modules.Contents;
using ChuyenDe.Modules.Fields;
using ChuyenDe.Modules.Fields.BooleanField;
using ChuyenDe.Modules.Fields.DateField;
using ChuyenDe.Modules.Fields.DateTimeField;
using ChuyenDe.Modules.Fields.LinkField;
using ChuyenDe.Modules.Fields.AutoroutePart;
using ChuyenDe.Modules.Fields.MarkdownBodyPart;
using ChuyenDe.Modules.Fields.NumericField;
using ChuyenDe.Modules.Fields.PublishLaterPart;
using ChuyenDe.Modules.Fields.Rendering;
using ChuyenDe.Modules.Fields.TaxonomyPart;
using ChuyenDe.Modules.Fields.TextField;
using ChuyenDe.Modules.Settings;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ChuyenDe.Tests.Unit.Fields;

/// <summary>The field drivers' public display and diff lines, one kind at a time (no database).</summary>
public sealed class FieldDriverTests
{
    private static readonly SiteSettings Site = new();
    private readonly IStringLocalizer<FieldsResources> _t;

    public FieldDriverTests()
    {
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("vi-VN");
        var factory = new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance);
        _t = new StringLocalizer<FieldsResources>(factory);
    }

    private static FieldContext Context(string kind, string json, string? settings = null)
        => new(new ContentPartFieldDefinition
        {
            Name = "Field",
            FieldName = kind,
            Settings = settings is null ? new JsonObject() : JsonNode.Parse(settings)!.AsObject(),
        }, JsonNode.Parse(json)!.AsObject(), Site);

    [Fact]
    public async Task A_text_field_shows_a_predefined_options_name_and_diffs_by_line()
    {
        IFieldDriver driver = new TextFieldDriver(_t);
        var options = """{"TextFieldPredefinedListEditorSettings":{"Options":[{"name":"Cấp trường","value":"truong"}]}}""";
        Assert.Equal("Cấp trường", (await driver.DisplayAsync(Context(ContentKinds.TextField, """{"Text":"truong"}""", options))).Text);
        Assert.Equal(["Cấp trường"], await driver.DiffLinesAsync(Context(ContentKinds.TextField, """{"Text":"truong"}""", options)));
        Assert.Equal(["a", "b"], await driver.DiffLinesAsync(Context(ContentKinds.TextField, """{"Text":"a\r\nb"}""")));
        Assert.Equal("Tóm tắt", driver.CardSummary(Context(ContentKinds.TextField, """{"Text":"Tóm tắt"}""")));
        Assert.True(driver.DiffMultiline(Context(ContentKinds.TextField, "{}", """{"ContentPartFieldSettings":{"Editor":"TextArea"}}""").Definition));
        Assert.False(driver.DiffWholeValue);
    }

    [Fact]
    public async Task A_number_reads_with_vietnamese_separators_and_diffs_whole()
    {
        IFieldDriver driver = new NumericFieldDriver(_t);
        Assert.Equal("1.234,5", (await driver.DisplayAsync(Context(ContentKinds.NumericField, """{"Value":1234.5}"""))).Text);
        Assert.Equal(["10,776889"], await driver.DiffLinesAsync(Context(ContentKinds.NumericField, """{"Value":"10.776889"}""")));
        Assert.True((await driver.DisplayAsync(Context(ContentKinds.NumericField, "{}"))).IsEmpty);
        Assert.True(driver.DiffWholeValue);
    }

    [Fact]
    public async Task A_boolean_reads_yes_or_no()
    {
        IFieldDriver driver = new BooleanFieldDriver(_t);
        Assert.Equal("Có", (await driver.DisplayAsync(Context(ContentKinds.BooleanField, """{"Value":true}"""))).Text);
        Assert.Equal(["Không"], await driver.DiffLinesAsync(Context(ContentKinds.BooleanField, """{"Value":false}""")));
        Assert.Empty(await driver.DiffLinesAsync(Context(ContentKinds.BooleanField, """{"Value":"yes"}""")));
    }

    [Fact]
    public async Task Dates_read_day_first_and_moments_in_the_sites_time_zone()
    {
        Assert.Equal("05/09/2025", (await new DateFieldDriver(_t).DisplayAsync(Context(ContentKinds.DateField, """{"Value":"2025-09-05"}"""))).Text);
        var moment = Context(ContentKinds.DateTimeField, """{"Value":"2025-09-05T01:30:00Z"}""");
        Assert.Equal("08:30, 05/09/2025", (await ((IFieldDriver)new DateTimeFieldDriver(_t)).DisplayAsync(moment)).Text);
        Assert.Equal(["05/09/2025 08:30"], await new DateTimeFieldDriver(_t).DiffLinesAsync(moment));
    }

    [Fact]
    public async Task A_link_shows_only_a_safe_address_and_diffs_text_and_address()
    {
        IFieldDriver driver = new LinkFieldDriver(_t);
        var link = Assert.Single((await driver.DisplayAsync(Context(ContentKinds.LinkField, """{"Url":"https://moet.gov.vn","Text":"Bộ"}"""))).Links);
        Assert.Equal(new LinkView("Bộ", "https://moet.gov.vn", true), link);
        Assert.True((await driver.DisplayAsync(Context(ContentKinds.LinkField, """{"Url":"javascript:alert(1)"}"""))).IsEmpty);
        Assert.Equal(["Bộ – https://moet.gov.vn (mở trong cửa sổ mới)"],
            await driver.DiffLinesAsync(Context(ContentKinds.LinkField, """{"Url":"https://moet.gov.vn","Text":"Bộ","Target":"_blank"}""")));
    }

    [Fact]
    public async Task Part_drivers_give_their_diff_rows_and_lines()
    {
        IPartDriver autoroute = new AutoroutePartDriver(_t);
        Assert.Equal(new PartDiff("Path", "Đường dẫn", "path"), autoroute.Diff);
        Assert.Equal(["/sang-kien/goc-be"], await autoroute.DiffLinesAsync(JsonNode.Parse("""{"Path":"sang-kien/goc-be"}""")!.AsObject(), Site));
        Assert.Empty(await autoroute.DiffLinesAsync(null, Site));

        IPartDriver taxonomy = new TaxonomyPartDriver(_t, null!);
        var terms = JsonNode.Parse("""{"Terms":[{"TitlePart":{"Title":"Cha"},"Terms":[{"DisplayText":"Con"}]}]}""")!.AsObject();
        Assert.Equal(["– Cha", "    – Con"], await taxonomy.DiffLinesAsync(terms, Site));
        Assert.True(taxonomy.Diff!.Multiline);

        IPartDriver later = new PublishLaterPartDriver(_t);
        Assert.Equal(["05/09/2025 08:30"], await later.DiffLinesAsync(JsonNode.Parse("""{"ScheduledPublishUtc":"2025-09-05T01:30:00Z"}""")!.AsObject(), Site));
        Assert.True(later.Diff!.WholeValue);
    }

    [Fact]
    public void A_markdown_body_is_rendered_for_the_page_and_read_as_plain_text_for_search()
    {
        var renderer = new ServiceCollection().AddFieldsModule().BuildServiceProvider().GetRequiredService<IContentHtmlRenderer>();
        IPartDriver markdown = new MarkdownBodyPartDriver(renderer, _t, null!);
        var part = JsonNode.Parse("""{"Markdown":"**Trẻ** chơi"}""")!.AsObject();
        Assert.Contains("<strong>Trẻ</strong>", markdown.BodyHtml(part), StringComparison.Ordinal);
        Assert.Equal("Trẻ chơi", markdown.SearchText(part)?.Trim());
    }
}
