using System.Globalization;
using ChuyenDe.Modules.Definitions;
using ChuyenDe.Modules.Recipes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace ChuyenDe.Tests.Unit.Definitions;

/// <summary>The reasons the recipe runner really gives are recognised and put into Vietnamese.</summary>
public sealed class RecipeErrorTextTests
{
    [Theory]
    [InlineData("""{ "name": "x", "steps": [ { "name": "ContentDefinition", "ContentTypes": [ { "Name": "A", "ContentTypePartDefinitionRecords": [ { "PartName": "FooPart" } ] } ] } ] }""",
        "$.steps[0].ContentTypes[0].ContentTypePartDefinitionRecords[0].PartName", "Không biết phần 'FooPart': đây không phải kiểu phần được hỗ trợ (")]
    [InlineData("""{ "name": "x", "steps": [ { "name": "ContentDefinition", "ContentTypes": [ { "Name": "9A" } ] } ] }""",
        "$.steps[0].ContentTypes[0].Name", "'9A' không phải là tên hợp lệ")]
    [InlineData("""{ "name": "x", "steps": [ { "name": "ContentDefinition", "ContentParts": [ { "Name": "P", "ContentPartFieldDefinitionRecords": [ { "Name": "F", "FieldName": "ColorField" } ] } ] } ] }""",
        "$.steps[0].ContentParts[0].ContentPartFieldDefinitionRecords[0].FieldName", "Không biết kiểu trường 'ColorField'")]
    [InlineData("""{ "name": "x", "steps": [ { "name": "ContentDefinition", "ContentTypes": [ { "Name": "A", "Settings": { "ContentTypeSettings": { "Listable": "có" } } } ] } ] }""",
        "$.steps[0].ContentTypes[0].Settings.ContentTypeSettings.Listable", "'Listable' phải là true hoặc false.")]
    [InlineData("""{ "name": "x", "steps": [ { "name": "Content", "data": [ { "ContentItemId": "a", "ContentType": "Nope" } ] } ] }""",
        "$.steps[0].data[0].ContentType", "Không có loại nội dung 'Nope'.")]
    [InlineData("""{ "name": "x", "steps": [ { "name": "Teleport" } ] }""", "$.steps[0].name", "Không biết bước 'Teleport'. Các bước được hỗ trợ: ")]
    [InlineData("""{ "name": "x" }""", "$.steps", "Công thức cần có mảng 'steps'.")]
    [InlineData("""{ "name": "x", "steps": [ { "name": """, "$", "Tệp không phải JSON hợp lệ (dòng 1, byte ")]
    public async Task Real_refusals_of_the_recipe_runner_are_shown_in_Vietnamese(string recipe, string path, string expectedStart)
    {
        await using var host = await TestHost.CreateAsync();
        var refused = await Assert.ThrowsAsync<RecipeException>(() => host.RunRecipeAsync(recipe));

        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("vi-VN");
        try
        {
            var T = host.Services.GetRequiredService<IStringLocalizer<DefinitionsResources>>();
            var text = RecipeErrorText.Translate(refused.Reason, T);

            Assert.True(refused.JsonPath == path || path == "$", refused.JsonPath);
            Assert.StartsWith(expectedStart, text);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    [Fact]
    public void A_reason_no_template_knows_is_shown_as_it_is()
    {
        var T = new StringLocalizer<DefinitionsResources>(new ResourceManagerStringLocalizerFactory(
            Microsoft.Extensions.Options.Options.Create(new LocalizationOptions()), Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance));

        Assert.Equal("Something entirely new happened.", RecipeErrorText.Translate("Something entirely new happened.", T));
    }
}
