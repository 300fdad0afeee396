using System.Globalization;
using System.Text.Json.Nodes;
using ChuyenDe.Modules.Contents;
using ChuyenDe.Modules.Fields;
using ChuyenDe.Modules.Fields.AutoroutePart;
using ChuyenDe.Modules.Fields.BooleanField;
using ChuyenDe.Modules.Fields.LinkField;
using ChuyenDe.Modules.Fields.MediaField;
using ChuyenDe.Modules.Fields.NumericField;
using ChuyenDe.Modules.Fields.PublishLaterPart;
using ChuyenDe.Modules.Fields.TaxonomyField;
using ChuyenDe.Modules.Fields.TextField;
using ChuyenDe.Modules.Fields.TitlePart;
using ChuyenDe.Modules.Media.Images;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ChuyenDe.Tests.Unit.Fields;

/// <summary>
/// The engine's rules of the kinds, as their drivers implement them (<see cref="IFieldKindRules"/>,
/// <see cref="IPartKindRules"/>): validation, defaults, shapes and what a value refers to (no database).
/// </summary>
public sealed class FieldRulesTests
{
    private readonly IStringLocalizer<FieldsResources> _t;

    public FieldRulesTests()
    {
        CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("vi-VN");
        var factory = new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance);
        _t = new StringLocalizer<FieldsResources>(factory);
    }

    private static ContentPartFieldDefinition Field(string kind, string? settings = null, string label = "Số trẻ")
    {
        var json = settings is null ? new JsonObject() : JsonNode.Parse(settings)!.AsObject();
        json["ContentPartFieldSettings"] = new JsonObject { ["DisplayName"] = label };
        return new ContentPartFieldDefinition { Name = "Field", FieldName = kind, Settings = json };
    }

    private static async Task<List<string>> ErrorsAsync(IFieldKindRules rules, ContentPartFieldDefinition field, string? value)
    {
        var context = new FieldValidationContext("Part", field, value is null ? null : JsonNode.Parse(value)!.AsObject());
        await rules.ValidateAsync(context);
        Assert.All(context.Errors, e => Assert.Equal("Part.Field", e.Key));
        return context.Errors.Select(e => e.Message).ToList();
    }

    private static async Task<List<string>> PartErrorsAsync(IPartKindRules rules, string kind, string? value)
    {
        var part = new ContentTypePartDefinition
        {
            Name = kind, PartName = kind, Settings = new JsonObject(),
            PartDefinition = new ContentPartDefinition { Name = kind, Settings = new JsonObject(), Fields = [] },
        };
        var context = new PartValidationContext(part, value is null ? null : JsonNode.Parse(value)!.AsObject());
        await rules.ValidateAsync(context);
        return context.Errors.Select(e => $"{e.Key}: {e.Message}").ToList();
    }

    [Fact]
    public async Task A_text_is_required_when_set_so_and_one_of_its_listed_values()
    {
        IFieldKindRules rules = new TextFieldDriver(_t);
        Assert.Equal(["Vui lòng nhập Cấp học."], await ErrorsAsync(rules, Field(ContentKinds.TextField, """{"TextFieldSettings":{"Required":true}}""", "Cấp học"), """{"Text":"  "}"""));
        Assert.Empty(await ErrorsAsync(rules, Field(ContentKinds.TextField), null));

        var list = Field(ContentKinds.TextField, """{"TextFieldPredefinedListEditorSettings":{"Options":[{"name":"Mầm non","value":"mam-non"}],"DefaultValue":"mam-non"}}""", "Cấp học");
        Assert.Empty(await ErrorsAsync(rules, list, """{"Text":"mam-non"}"""));
        Assert.Equal(["Cấp học phải là một trong các giá trị có trong danh sách."], await ErrorsAsync(rules, list, """{"Text":"tieu-hoc"}"""));

        // A new item starts with the list's default; a text without one starts empty.
        Assert.Equal("""{"Text":"mam-non"}""", rules.NewValue(list).ToJsonString());
        Assert.Equal("{}", rules.NewValue(Field(ContentKinds.TextField)).ToJsonString());
        Assert.Equal(ValueShape.String, rules.Shape["Text"]);
    }

    [Fact]
    public async Task A_number_is_checked_against_its_range_and_scale()
    {
        IFieldKindRules rules = new NumericFieldDriver(_t);
        var field = Field(ContentKinds.NumericField, """{"NumericFieldSettings":{"Minimum":1,"Maximum":"40","Scale":1}}""");
        Assert.Empty(await ErrorsAsync(rules, field, """{"Value":12.5}"""));
        Assert.Equal(["Số trẻ phải là một số."], await ErrorsAsync(rules, field, """{"Value":"mười"}"""));
        Assert.Equal(2, (await ErrorsAsync(rules, field, """{"Value":0.25}""")).Count); // below the minimum and too precise
        Assert.Contains("Số trẻ chỉ cho phép tối đa 1 chữ số sau dấu phẩy.", await ErrorsAsync(rules, field, """{"Value":41.25}"""));
        Assert.Empty(await ErrorsAsync(rules, field, "{}"));
        Assert.Single(await ErrorsAsync(rules, Field(ContentKinds.NumericField, """{"NumericFieldSettings":{"Required":true}}"""), "{}"));
    }

    [Fact]
    public async Task A_yes_no_value_starts_at_its_default_and_must_be_true_or_false()
    {
        IFieldKindRules rules = new BooleanFieldDriver(_t);
        Assert.Equal("""{"Value":true}""", rules.NewValue(Field(ContentKinds.BooleanField, """{"BooleanFieldSettings":{"DefaultValue":true}}""")).ToJsonString());
        Assert.Equal("{}", rules.NewValue(Field(ContentKinds.BooleanField)).ToJsonString());
        Assert.Empty(await ErrorsAsync(rules, Field(ContentKinds.BooleanField), """{"Value":false}"""));
        Assert.Single(await ErrorsAsync(rules, Field(ContentKinds.BooleanField), """{"Value":"có"}"""));
    }

    [Fact]
    public async Task A_link_leads_to_this_site_or_an_http_address_never_elsewhere_by_two_slashes()
    {
        IFieldKindRules rules = new LinkFieldDriver(_t);
        var field = Field(ContentKinds.LinkField, label: "Liên kết");
        Assert.Empty(await ErrorsAsync(rules, field, """{"Url":"https://moet.gov.vn"}"""));
        Assert.Empty(await ErrorsAsync(rules, field, """{"Url":"/kho-hoc-lieu"}"""));
        Assert.StartsWith("Liên kết: địa chỉ bắt đầu bằng //", Assert.Single(await ErrorsAsync(rules, field, """{"Url":"//evil.example"}""")));
        Assert.Single(await ErrorsAsync(rules, field, """{"Url":"javascript:alert(1)"}"""));
        Assert.Equal([ValueShape.String, ValueShape.String, ValueShape.String], rules.Shape.Values);
    }

    [Fact]
    public async Task Media_files_are_safe_paths_of_allowed_types_and_give_their_descriptions()
    {
        IFieldKindRules rules = new MediaFieldDriver(null!, Options.Create(new ImageOptions()), null!, _t);
        var field = Field(ContentKinds.MediaField, """{"MediaFieldSettings":{"AllowedExtensions":[".jpg",".png"]}}""", "Hình ảnh");
        Assert.Empty(await ErrorsAsync(rules, field, """{"Paths":["mau/a.jpg"]}"""));
        Assert.Equal(["Hình ảnh chỉ cho phép chọn một mục.", "Hình ảnh: không cho phép loại tệp .pdf."],
            await ErrorsAsync(rules, field, """{"Paths":["mau/a.jpg","mau/b.pdf"]}"""));
        Assert.Single(await ErrorsAsync(rules, field, """{"Paths":["../a.jpg"]}"""));

        var value = JsonNode.Parse("""{"Paths":["mau/a.jpg","","mau/b.png"],"MediaTexts":["Sân chơi"]}""")!.AsObject();
        Assert.Equal([new MediaReference("mau/a.jpg", "Sân chơi"), new MediaReference("mau/b.png", null)], rules.MediaReferences(value));
        Assert.Empty(rules.MediaReferences(null));
    }

    [Fact]
    public async Task Terms_belong_to_the_fields_taxonomy_and_are_given_with_it()
    {
        var taxonomy = new Taxonomy("tax-levels", "Cấp học",
        [
            new TaxonomyTerm("t-root", "tax-levels", "Mầm non", null, null, null, 0, HasChildren: true),
            new TaxonomyTerm("t-leaf", "tax-levels", "Nhà trẻ", null, null, "t-root", 1, HasChildren: false),
        ]);
        IFieldKindRules rules = new TaxonomyFieldDriver(new OneTaxonomy(taxonomy), _t);
        var field = Field(ContentKinds.TaxonomyField, """{"TaxonomyFieldSettings":{"TaxonomyContentItemId":"tax-levels","LeavesOnly":true,"Unique":true}}""", "Cấp học");
        Assert.Empty(await ErrorsAsync(rules, field, """{"TermContentItemIds":["t-leaf"]}"""));
        Assert.Equal(["Cấp học: chỉ được chọn mục ở cấp chi tiết nhất."], await ErrorsAsync(rules, field, """{"TermContentItemIds":["t-root"]}"""));
        Assert.Equal(2, (await ErrorsAsync(rules, field, """{"TermContentItemIds":["t-leaf","t-other"]}""")).Count);

        var chosen = rules.Terms(field, JsonNode.Parse("""{"TaxonomyContentItemId":"ignored","TermContentItemIds":["t-leaf",""]}""")!.AsObject());
        Assert.Equal("tax-levels", chosen!.TaxonomyContentItemId);
        Assert.Equal(["t-leaf"], chosen.TermContentItemIds);
        Assert.Equal("tax-x", rules.Terms(Field(ContentKinds.TaxonomyField), JsonNode.Parse("""{"TaxonomyContentItemId":"tax-x"}""")!.AsObject())!.TaxonomyContentItemId);
        Assert.Null(new TextFieldDriver(_t) is IFieldKindRules text ? text.Terms(Field(ContentKinds.TextField), null) : null);
    }

    [Fact]
    public async Task Parts_check_the_title_the_address_and_the_schedule()
    {
        Assert.Equal(["TitlePart.Title: Vui lòng nhập tiêu đề."], await PartErrorsAsync(new TitlePartDriver(_t), ContentKinds.TitlePart, null));
        Assert.Empty(await PartErrorsAsync(new TitlePartDriver(_t), ContentKinds.TitlePart, """{"Title":"Góc bé chơi"}"""));
        Assert.Single(await PartErrorsAsync(new AutoroutePartDriver(_t), ContentKinds.AutoroutePart, """{"Path":"Góc Bé"}"""));
        Assert.Empty(await PartErrorsAsync(new AutoroutePartDriver(_t), ContentKinds.AutoroutePart, """{"Path":"sang-kien/goc-be"}"""));
        Assert.Single(await PartErrorsAsync(new PublishLaterPartDriver(_t), ContentKinds.PublishLaterPart, """{"ScheduledPublishUtc":"mai"}"""));
        Assert.Empty(await PartErrorsAsync(new PublishLaterPartDriver(_t), ContentKinds.PublishLaterPart, """{"ScheduledPublishUtc":""}"""));
    }

    [Fact]
    public void Shapes_are_checked_by_the_kinds_rules_and_name_the_json_path()
    {
        var shapes = new ContentShapes(ContentKindRules.Of([new NumericFieldDriver(_t)], [new TitlePartDriver(_t)]));
        var type = new ContentTypeDefinition
        {
            Name = "Report", DisplayName = "Báo cáo", Settings = new JsonObject(),
            Parts =
            [
                new() { Name = "TitlePart", PartName = ContentKinds.TitlePart, Settings = new(), PartDefinition = new() { Name = ContentKinds.TitlePart, Settings = new(), Fields = [] } },
                new()
                {
                    Name = "Report", PartName = "Report", Settings = new(),
                    PartDefinition = new() { Name = "Report", Settings = new(), Fields = [Field(ContentKinds.NumericField)] },
                },
            ],
        };
        ContentItem Item(string json) => ContentItem.FromJson(JsonNode.Parse(json)!.AsObject());

        shapes.Check(Item("""{"TitlePart":{"Title":"Báo cáo"},"Report":{"Field":{"Value":3}}}"""), type, "$[0]");
        var number = Assert.Throws<ContentFormatException>(() => shapes.Check(Item("""{"Report":{"Field":{"Value":"ba"}}}"""), type, "$[0]"));
        Assert.Equal(("$[0].Report.Field.Value", "Expected a number."), (number.JsonPath, number.Reason));
        var title = Assert.Throws<ContentFormatException>(() => shapes.Check(Item("""{"TitlePart":{"Title":1}}"""), type, "$[0]"));
        Assert.Equal("$[0].TitlePart.Title", title.JsonPath);
        var notObject = Assert.Throws<ContentFormatException>(() => shapes.Check(Item("""{"Report":{"Field":3}}"""), type, "$[0]"));
        Assert.Equal("A NumericField must be a JSON object.", notObject.Reason);
    }

    [Fact]
    public async Task Every_kind_the_engine_knows_has_its_rules_registered_and_the_engine_resolves_without_a_cycle()
    {
        await using var host = await TestHost.CreateAsync();
        await using var scope = host.CreateScope();
        var kinds = scope.ServiceProvider.GetRequiredService<IContentKindRules>();
        Assert.All(ContentKinds.Fields, kind => Assert.Equal(kind, kinds.Field(kind)?.Kind));
        Assert.All(ContentKinds.Parts, kind => Assert.Equal(kind, kinds.Part(kind)?.Kind));
        Assert.Null(kinds.Field("UnknownField"));
        Assert.NotNull(scope.ServiceProvider.GetRequiredService<IContentManager>());
    }

    private sealed class OneTaxonomy(Taxonomy taxonomy) : ITaxonomyService
    {
        public Task<Taxonomy?> GetTaxonomyAsync(string taxonomyContentItemId, CancellationToken ct = default)
            => Task.FromResult(taxonomyContentItemId == taxonomy.ContentItemId ? taxonomy : null);

        public Task<IReadOnlyList<Taxonomy>> ListTaxonomiesAsync(CancellationToken ct = default) => Task.FromResult<IReadOnlyList<Taxonomy>>([taxonomy]);

        public Task<TaxonomyTerm?> FindTermAsync(string termContentItemId, CancellationToken ct = default) => Task.FromResult(taxonomy.Find(termContentItemId));
    }
}
