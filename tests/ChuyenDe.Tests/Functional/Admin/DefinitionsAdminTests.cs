using System.Net;
using System.Text.Json.Nodes;
using ChuyenDe.Modules.Contents;
using Microsoft.Extensions.DependencyInjection;

namespace ChuyenDe.Tests.Functional.Admin;

/// <summary>The content definition editor: types, parts and fields stored in Orchard Core's shapes, errors in Vietnamese.</summary>
public sealed class DefinitionsAdminTests(SqliteSiteFixture fixture) : IClassFixture<SqliteSiteFixture>
{
    private const string TypesUrl = "/admin/loai-noi-dung";
    private const string CreateUrl = "/admin/loai-noi-dung/tao";

    private static string NewTypeName() => "ThongBao" + Guid.NewGuid().ToString("N")[..8];

    private Task<JsonObject?> TypeJsonAsync(string name)
        => fixture.WithServicesAsync(sp => sp.GetRequiredService<IContentDefinitionManager>().GetTypeJsonAsync(name));

    private Task<JsonObject?> PartJsonAsync(string name)
        => fixture.WithServicesAsync(sp => sp.GetRequiredService<IContentDefinitionManager>().GetPartJsonAsync(name));

    private static async Task<string> CreateTypeAsync(AdminClient admin, string name, params string[] parts)
    {
        var fields = new List<KeyValuePair<string, string>>
        {
            new("Name", name), new("DisplayName", "Thông báo " + name[^4..]),
            new("Creatable", "true"), new("Listable", "true"), new("Draftable", "true"), new("Versionable", "true"),
        };
        fields.AddRange(parts.Select(p => new KeyValuePair<string, string>("Parts", p)));
        using var response = await admin.PostFormWithTokenAsync(CreateUrl, fields, await admin.GetTokenAsync(CreateUrl));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"{TypesUrl}/{name}/sua", response.Headers.Location!.OriginalString);
        return name;
    }

    private static async Task<HttpResponseMessage> AddFieldAsync(AdminClient admin, string type, string kind, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var url = $"{TypesUrl}/{type}/truong/them";
        var token = await admin.GetTokenAsync($"{url}?kind={kind}");
        return await admin.PostFormWithTokenAsync(url, fields.Prepend(new("Kind", kind)), token);
    }

    [Fact]
    public async Task An_administrator_creates_a_type_and_adds_a_TextField_stored_in_Orchard_Core_s_shape()
    {
        using var admin = await AdminClient.SignedInAsync(fixture.Factory, Accounts.Administrator);
        var name = await CreateTypeAsync(admin, NewTypeName(), "TitlePart", "AutoroutePart", "MarkdownBodyPart");

        using var added = await AddFieldAsync(admin, name, "TextField",
        [
            new("Name", "Summary"), new("DisplayName", "Tóm tắt"), new("Hint", "Ba đến năm câu."), new("Position", ""),
            new("Required", "true"), new("Multiline", "true"), new("Options", ""),
        ]);

        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var expectedPart = JsonNode.Parse($$"""
            {
              "Name": "{{name}}",
              "Settings": {},
              "ContentPartFieldDefinitionRecords": [
                {
                  "FieldName": "TextField",
                  "Name": "Summary",
                  "Settings": {
                    "ContentPartFieldSettings": { "DisplayName": "Tóm tắt", "Position": "0", "Hint": "Ba đến năm câu.", "Editor": "TextArea" },
                    "TextFieldSettings": { "Hint": "Ba đến năm câu.", "Required": true }
                  }
                }
              ]
            }
            """);
        var part = await PartJsonAsync(name);
        Assert.True(JsonNode.DeepEquals(expectedPart, part), part?.ToJsonString());

        var type = (await TypeJsonAsync(name))!;
        Assert.Equal("Thông báo " + name[^4..], type["DisplayName"]!.GetValue<string>());
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{ "Creatable": true, "Listable": true, "Draftable": true, "Versionable": true, "Securable": false }"""),
            type["Settings"]!["ContentTypeSettings"]), type.ToJsonString());
        var records = type["ContentTypePartDefinitionRecords"]!.AsArray().Select(r => r!).ToList();
        Assert.Equal(["TitlePart", name, "MarkdownBodyPart", "AutoroutePart"], records.Select(r => r["PartName"]!.GetValue<string>()));
        Assert.Equal(["0", "1", "2", "3"], records.Select(r => r["Settings"]!["ContentTypePartSettings"]!["Position"]!.GetValue<string>()));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse($$"""{ "PartName": "{{name}}", "Name": "{{name}}", "Settings": { "ContentTypePartSettings": { "Position": "1" } } }"""), records[1]));

        // The engine reads it back as a field of the type, and the editor page lists it.
        var definition = await fixture.WithServicesAsync(sp => sp.GetRequiredService<IContentDefinitionManager>().GetTypeDefinitionAsync(name));
        var (_, field) = Assert.Single(definition!.AllFields());
        Assert.Equal(("Tóm tắt", "Ba đến năm câu.", true, "TextArea"), (field.DisplayName, field.Hint, field.KindSettings.Required, field.Editor));
        var (_, page) = await admin.GetPageAsync($"{TypesUrl}/{name}/sua");
        Assert.Equal("Tóm tắt", page.QuerySelector("tr[data-field=Summary] th")!.TextContent.Trim());
        var (_, list) = await admin.GetPageAsync(TypesUrl);
        Assert.Contains("Thông báo " + name[^4..], list.QuerySelector($"tr[data-type={name}]")!.TextContent);
    }

    [Fact]
    public async Task Every_field_kind_s_settings_are_stored_in_Orchard_Core_s_shape()
    {
        using var admin = await AdminClient.SignedInAsync(fixture.Factory, Accounts.Administrator);
        var name = await CreateTypeAsync(admin, NewTypeName(), "TitlePart");

        async Task Add(string kind, params (string, string)[] fields)
        {
            using var response = await AddFieldAsync(admin, name, kind, fields.Select(f => new KeyValuePair<string, string>(f.Item1, f.Item2)));
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{kind}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        await Add("NumericField", ("Name", "Latitude"), ("DisplayName", "Vĩ độ"), ("Minimum", "-90"), ("Maximum", "90"), ("Scale", "6"), ("Position", "5"));
        await Add("TaxonomyField", ("Name", "Level"), ("DisplayName", "Cấp"), ("TaxonomyContentItemId", "tax-levels"), ("Unique", "true"), ("Required", "true"));
        await Add("MediaField", ("Name", "Images"), ("DisplayName", "Hình ảnh"), ("Multiple", "true"), ("AllowMediaText", "true"), ("AllowedExtensions", "jpg, .PNG .webp"));
        await Add("ContentPickerField", ("Name", "Related"), ("DisplayName", "Liên quan"), ("Multiple", "true"), ("DisplayedContentTypes", "Initiative"), ("DisplayedContentTypes", "ModelSite"));
        await Add("BooleanField", ("Name", "Open"), ("DisplayName", "Mở cửa"), ("Label", "Đón đoàn tham quan"), ("DefaultValue", "true"));
        await Add("TextField", ("Name", "License"), ("DisplayName", "Giấy phép"), ("Options", "CC BY 4.0 – ghi công | CC-BY-4.0\nBản quyền thuộc tác giả | All-rights-reserved"));
        await Add("DateField", ("Name", "On"), ("DisplayName", "Ngày"));
        await Add("DateTimeField", ("Name", "At"), ("DisplayName", "Lúc"), ("Required", "true"));
        await Add("LinkField", ("Name", "Website"), ("DisplayName", "Trang web"));

        var fields = (await PartJsonAsync(name))!["ContentPartFieldDefinitionRecords"]!.AsArray()
            .ToDictionary(f => f!["Name"]!.GetValue<string>(), f => f!["Settings"]!);
        void AssertSettings(string field, string key, string json)
            => Assert.True(JsonNode.DeepEquals(JsonNode.Parse(json), fields[field][key]), $"{field}.{key}: {fields[field][key]?.ToJsonString()}");

        AssertSettings("Latitude", "NumericFieldSettings", """{ "Required": false, "Minimum": -90, "Maximum": 90, "Scale": 6 }""");
        Assert.Equal("5", fields["Latitude"]["ContentPartFieldSettings"]!["Position"]!.GetValue<string>());
        AssertSettings("Level", "TaxonomyFieldSettings", """{ "Required": true, "TaxonomyContentItemId": "tax-levels", "Unique": true, "LeavesOnly": false }""");
        AssertSettings("Images", "MediaFieldSettings", """{ "Required": false, "Multiple": true, "AllowMediaText": true, "AllowedExtensions": [".jpg", ".png", ".webp"] }""");
        AssertSettings("Related", "ContentPickerFieldSettings", """{ "Required": false, "Multiple": true, "DisplayAllContentTypes": false, "DisplayedContentTypes": ["Initiative", "ModelSite"] }""");
        AssertSettings("Open", "BooleanFieldSettings", """{ "Label": "Đón đoàn tham quan", "DefaultValue": true }""");
        AssertSettings("License", "TextFieldPredefinedListEditorSettings",
            """{ "Editor": 0, "Options": [ { "name": "CC BY 4.0 – ghi công", "value": "CC-BY-4.0" }, { "name": "Bản quyền thuộc tác giả", "value": "All-rights-reserved" } ] }""");
        Assert.Equal("PredefinedList", fields["License"]["ContentPartFieldSettings"]!["Editor"]!.GetValue<string>());
        AssertSettings("On", "DateFieldSettings", """{ "Required": false }""");
        AssertSettings("At", "DateTimeFieldSettings", """{ "Required": true }""");
        AssertSettings("Website", "LinkFieldSettings", """{ "Required": false }""");
        // Positions continue after the highest one when left empty.
        Assert.Equal("6", fields["Level"]["ContentPartFieldSettings"]!["Position"]!.GetValue<string>());

        // The stored definitions pass the recipe runner's own checks: export them and apply them again.
        var changes = await fixture.WithServicesAsync(async sp =>
        {
            var definitions = sp.GetRequiredService<IContentDefinitionManager>();
            var recipe = new JsonObject
            {
                ["name"] = "check",
                ["steps"] = new JsonArray(new JsonObject
                {
                    ["name"] = "ContentDefinition",
                    ["ContentTypes"] = new JsonArray(await definitions.GetTypeJsonAsync(name)),
                    ["ContentParts"] = new JsonArray(await definitions.GetPartJsonAsync(name)),
                }),
            };
            return (await sp.GetRequiredService<ChuyenDe.Modules.Recipes.IRecipeExecutor>().ExecuteAsync(recipe.ToJsonString(), "check.recipe.json", Path.GetTempPath())).Changes;
        });
        Assert.Equal(0, changes);
    }

    [Fact]
    public async Task Editing_a_field_and_a_type_keeps_the_settings_the_forms_do_not_show()
    {
        using var admin = await AdminClient.SignedInAsync(fixture.Factory, Accounts.Administrator);
        var name = await CreateTypeAsync(admin, NewTypeName(), "TitlePart", "AutoroutePart");
        using (var added = await AddFieldAsync(admin, name, "NumericField", [new("Name", "Count"), new("DisplayName", "Số trẻ"), new("Minimum", "0")]))
        {
            Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        }

        // Settings only recipes write (a placeholder, a stereotype) must survive editing in the admin.
        await fixture.WithServicesAsync(async sp =>
        {
            var definitions = sp.GetRequiredService<IContentDefinitionManager>();
            var part = (await definitions.GetPartJsonAsync(name))!;
            part["ContentPartFieldDefinitionRecords"]![0]!["Settings"]!["NumericFieldSettings"]!["Placeholder"] = "350";
            await definitions.StorePartAsync(part);
            var type = (await definitions.GetTypeJsonAsync(name))!;
            type["Settings"]!["ContentTypeSettings"]!["Stereotype"] = "Widget";
            type["Settings"]!["FullTextAspectSettings"] = new JsonObject();
            return await definitions.StoreTypeAsync(type);
        });

        var fieldUrl = $"{TypesUrl}/{name}/truong/Count/sua";
        var (_, form) = await admin.GetPageAsync(fieldUrl);
        Assert.Equal("0", form.QuerySelector("#Minimum")!.GetAttribute("value"));
        using (var edited = await admin.PostFormAsync(fieldUrl, fieldUrl, new() { ["DisplayName"] = "Số trẻ em", ["Minimum"] = "0", ["Maximum"] = "1000,5", ["Scale"] = "1", ["Position"] = "0" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        }

        var typeUrl = $"{TypesUrl}/{name}/sua";
        using (var saved = await admin.PostFormAsync(typeUrl, typeUrl, new() { ["DisplayName"] = "Bảng tin", ["Creatable"] = "true", ["Parts"] = "TitlePart" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        var settings = (await PartJsonAsync(name))!["ContentPartFieldDefinitionRecords"]![0]!["Settings"]!;
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{ "Required": false, "Minimum": 0, "Maximum": 1000.5, "Scale": 1, "Placeholder": "350" }"""),
            settings["NumericFieldSettings"]), settings.ToJsonString());
        Assert.Equal("Số trẻ em", settings["ContentPartFieldSettings"]!["DisplayName"]!.GetValue<string>());
        var type = (await TypeJsonAsync(name))!;
        Assert.Equal("Bảng tin", type["DisplayName"]!.GetValue<string>());
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{ "Creatable": true, "Listable": false, "Draftable": false, "Versionable": false, "Securable": false, "Stereotype": "Widget" }"""),
            type["Settings"]!["ContentTypeSettings"]), type.ToJsonString());
        Assert.NotNull(type["Settings"]!["FullTextAspectSettings"]);
        // The unchecked AutoroutePart is gone; the title and the type's own part stay.
        Assert.Equal(["TitlePart", name], type["ContentTypePartDefinitionRecords"]!.AsArray().Select(r => r!["PartName"]!.GetValue<string>()));
    }

    [Fact]
    public async Task The_editorial_review_is_switched_on_and_off_per_type_in_its_settings()
    {
        using var admin = await AdminClient.SignedInAsync(fixture.Factory, Accounts.Administrator);
        var name = await CreateTypeAsync(admin, NewTypeName(), "TitlePart");
        var typeUrl = $"{TypesUrl}/{name}/sua";
        Assert.Null((await TypeJsonAsync(name))!["Settings"]!["WorkflowSettings"]);

        using (var on = await admin.PostFormAsync(typeUrl, typeUrl, new() { ["DisplayName"] = "Bản tin", ["Creatable"] = "true", ["RequiresReview"] = "true", ["Parts"] = "TitlePart" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, on.StatusCode);
        }

        Assert.True((await TypeJsonAsync(name))!["Settings"]!["WorkflowSettings"]!["RequiresReview"]!.GetValue<bool>());
        var (_, form) = await admin.GetPageAsync(typeUrl);
        Assert.True(form.QuerySelector("#RequiresReview")!.HasAttribute("checked"));

        using (var off = await admin.PostFormAsync(typeUrl, typeUrl, new() { ["DisplayName"] = "Bản tin", ["Creatable"] = "true", ["Parts"] = "TitlePart" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, off.StatusCode);
        }

        Assert.False((await TypeJsonAsync(name))!["Settings"]!["WorkflowSettings"]!["RequiresReview"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Removing_a_field_asks_first_and_then_takes_it_out_of_the_part()
    {
        using var admin = await AdminClient.SignedInAsync(fixture.Factory, Accounts.Administrator);
        var name = await CreateTypeAsync(admin, NewTypeName(), "TitlePart");
        foreach (var field in new[] { "Keep", "Drop" })
        {
            using var added = await AddFieldAsync(admin, name, "TextField", [new("Name", field), new("DisplayName", field)]);
            Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        }

        var removeUrl = $"{TypesUrl}/{name}/truong/Drop/xoa";
        var (status, confirm) = await admin.GetPageAsync(removeUrl);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(2, (await PartJsonAsync(name))!["ContentPartFieldDefinitionRecords"]!.AsArray().Count);
        Assert.NotNull(confirm.QuerySelector($"form[action='{removeUrl}'] button"));

        using var removed = await admin.PostFormAsync(removeUrl, removeUrl, []);

        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Equal(["Keep"], (await PartJsonAsync(name))!["ContentPartFieldDefinitionRecords"]!.AsArray().Select(f => f!["Name"]!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetPageAsync(removeUrl)).Status);
    }

    [Fact]
    public async Task Bad_input_is_shown_beside_the_field_in_Vietnamese_with_the_input_kept_and_nothing_stored()
    {
        using var admin = await AdminClient.SignedInAsync(fixture.Factory, Accounts.Administrator);

        using (var invalid = await admin.PostFormAsync(CreateUrl, CreateUrl, new() { ["Name"] = "1 Thông báo", ["DisplayName"] = "Thông báo", ["Parts"] = "TitlePart" }))
        {
            Assert.Equal(HttpStatusCode.OK, invalid.StatusCode);
            var page = await AdminClient.ParseAsync(invalid);
            Assert.Contains("Tên kỹ thuật chỉ được gồm chữ cái A–Z không dấu", page.QuerySelector("#Name-error")!.TextContent);
            Assert.Equal("true", page.QuerySelector("#Name")!.GetAttribute("aria-invalid"));
            Assert.Equal("1 Thông báo", page.QuerySelector("#Name")!.GetAttribute("value"));
            Assert.Equal("Thông báo", page.QuerySelector("#DisplayName")!.GetAttribute("value"));
            Assert.NotNull(page.QuerySelector(".error-summary a[href='#Name']"));
        }

        using (var taken = await admin.PostFormAsync(CreateUrl, CreateUrl, new() { ["Name"] = "initiative", ["DisplayName"] = "Trùng tên" }))
        {
            Assert.Contains("đã được dùng", (await AdminClient.ParseAsync(taken)).QuerySelector("#Name-error")!.TextContent);
        }

        using (var noDisplayName = await admin.PostFormAsync(CreateUrl, CreateUrl, new() { ["Name"] = "KhongTen", ["DisplayName"] = " " }))
        {
            Assert.Contains("Vui lòng nhập tên tiếng Việt", (await AdminClient.ParseAsync(noDisplayName)).QuerySelector("#DisplayName-error")!.TextContent);
        }

        Assert.Null(await TypeJsonAsync("KhongTen"));

        var name = await CreateTypeAsync(admin, NewTypeName(), "TitlePart");
        using (var first = await AddFieldAsync(admin, name, "TextField", [new("Name", "Summary"), new("DisplayName", "Tóm tắt")]))
        {
            Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        }

        var before = (await PartJsonAsync(name))!;
        using (var duplicate = await AddFieldAsync(admin, name, "TextField", [new("Name", "summary"), new("DisplayName", "Tóm tắt lần hai")]))
        {
            Assert.Equal(HttpStatusCode.OK, duplicate.StatusCode);
            var page = await AdminClient.ParseAsync(duplicate);
            Assert.Equal("Loại nội dung này đã có trường tên summary.", page.QuerySelector("#Name-error")!.TextContent.Trim());
            Assert.Equal("Tóm tắt lần hai", page.QuerySelector("#DisplayName")!.GetAttribute("value"));
        }

        using (var range = await AddFieldAsync(admin, name, "NumericField", [new("Name", "Age"), new("DisplayName", "Tuổi"), new("Minimum", "6"), new("Maximum", "ba")]))
        {
            var page = await AdminClient.ParseAsync(range);
            Assert.Equal("ba không phải là một số.", page.QuerySelector("#Maximum-error")!.TextContent.Trim());
        }

        using (var reversed = await AddFieldAsync(admin, name, "NumericField", [new("Name", "Age"), new("DisplayName", "Tuổi"), new("Minimum", "6"), new("Maximum", "3")]))
        {
            Assert.Contains("không được nhỏ hơn", (await AdminClient.ParseAsync(reversed)).QuerySelector("#Maximum-error")!.TextContent);
        }

        using (var noTaxonomy = await AddFieldAsync(admin, name, "TaxonomyField", [new("Name", "Level"), new("DisplayName", "Cấp"), new("TaxonomyContentItemId", "khong-co")]))
        {
            Assert.Contains("Không có danh mục phân loại khong-co", (await AdminClient.ParseAsync(noTaxonomy)).QuerySelector("#TaxonomyContentItemId-error")!.TextContent);
        }

        Assert.True(JsonNode.DeepEquals(before, await PartJsonAsync(name)));
    }

    [Fact]
    public async Task Only_holders_of_ManageContentDefinitions_may_use_the_editor()
    {
        var name = NewTypeName();
        using var anonymous = new AdminClient(fixture.Factory);
        foreach (var url in new[] { TypesUrl, CreateUrl, $"{TypesUrl}/Initiative/sua", $"{TypesUrl}/Initiative/truong/them" })
        {
            using var response = await anonymous.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/admin/dang-nhap", response.Headers.Location!.IsAbsoluteUri ? response.Headers.Location.PathAndQuery : response.Headers.Location.OriginalString);
        }

        foreach (var user in new[] { Accounts.DepartmentCurator, Accounts.DistrictCurator, Accounts.Reviewer, Accounts.Contributor })
        {
            using var client = await AdminClient.SignedInAsync(fixture.Factory, user);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetPageAsync(TypesUrl)).Status);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetPageAsync($"{TypesUrl}/Initiative/sua")).Status);
            using var create = await client.PostFormAsync("/admin", CreateUrl, new() { ["Name"] = name, ["DisplayName"] = "Không được" });
            Assert.Equal(HttpStatusCode.Forbidden, create.StatusCode);
            using var remove = await client.PostFormAsync("/admin", $"{TypesUrl}/Initiative/truong/Summary/xoa", []);
            Assert.Equal(HttpStatusCode.Forbidden, remove.StatusCode);
            var (_, dashboard) = await client.GetPageAsync("/admin");
            Assert.Null(dashboard.QuerySelector($".admin-nav a[href='{TypesUrl}']"));
        }

        using var admin = await AdminClient.SignedInAsync(fixture.Factory, Accounts.Administrator);
        using (var noToken = await admin.PostFormWithTokenAsync(CreateUrl, [new("Name", name), new("DisplayName", "Không token")], token: null))
        {
            Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);
        }

        Assert.Null(await TypeJsonAsync(name));
        Assert.NotNull((await PartJsonAsync("Initiative"))!["ContentPartFieldDefinitionRecords"]!.AsArray()
            .FirstOrDefault(f => f!["Name"]!.GetValue<string>() == "Summary"));
        var (_, adminDashboard) = await admin.GetPageAsync("/admin");
        Assert.Equal("Loại nội dung", adminDashboard.QuerySelector($".admin-nav a[href='{TypesUrl}']")!.TextContent.Trim());
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetPageAsync($"{TypesUrl}/KhongCoLoaiNay/sua")).Status);
    }
}
