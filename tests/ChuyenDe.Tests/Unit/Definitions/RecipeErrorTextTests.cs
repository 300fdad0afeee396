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

    /// <summary>
    /// Every reason the <c>Reports</c> step writes (read out of its source: the message of each <c>RecipeStepException</c>,
    /// its interpolated values as <c>{n}</c>) is one of the known reasons, so the import page can put it into Vietnamese.
    /// </summary>
    [Fact]
    public void Every_reason_of_the_Reports_step_is_a_known_reason()
    {
        var source = File.ReadAllText(Path.Combine(RepositoryRoot(), "src", "ChuyenDe.Modules", "Reports", "ReportsStep.cs"));
        var reasons = ReasonsIn(source);

        Assert.True(reasons.Count >= 35, $"only {reasons.Count} reasons found");
        Assert.All(reasons, r => Assert.Contains(r, RecipeErrorText.Templates));
    }

    /// <summary>Every known reason has a Vietnamese text that takes its values (a brace of the text doubled, so the values go in).</summary>
    [Fact]
    public void Every_known_reason_has_a_Vietnamese_text()
    {
        var T = new StringLocalizer<DefinitionsResources>(new ResourceManagerStringLocalizerFactory(
            Microsoft.Extensions.Options.Options.Create(new LocalizationOptions()), Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance));
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("vi-VN");
        try
        {
            Assert.All(RecipeErrorText.Templates, template =>
            {
                var values = Enumerable.Range(0, 3).Select(i => (object)("v" + i)).ToArray();
                var text = T[template, values];
                Assert.False(text.ResourceNotFound, template);
                Assert.NotEqual(string.Format(CultureInfo.InvariantCulture, template.Replace("{ ", "{{ ", StringComparison.Ordinal).Replace(" }", " }}", StringComparison.Ordinal), values), text.Value);
            });

            Assert.Equal("'phong-x', chỉ tiêu 'so-truong': hãy ghi giá trị đúng dạng lưu trữ, '1250'.",
                RecipeErrorText.Translate("'phong-x', indicator 'so-truong': write the value as stored, '1250'.", T));
            Assert.Equal("'phong-x': 'c' không phải là mục trong đề cương của đợt.",
                RecipeErrorText.Translate("'phong-x': 'c' is not a section of the round's outline.", T));
            Assert.Equal("Báo cáo bị trả lại cần có lý do ('Review': { 'Reason': … }) — 'phong-x'.",
                RecipeErrorText.Translate("A returned report needs the reason ('Review': { 'Reason': … }) — 'phong-x'.", T));
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    /// <summary>The messages of <c>new RecipeStepException(path, message)</c> in C# source, with <c>{0}</c>, <c>{1}</c>… for what is filled in.</summary>
    internal static List<string> ReasonsIn(string source)
    {
        var reasons = new List<string>();
        const string Marker = "new RecipeStepException(";
        for (var at = source.IndexOf(Marker, StringComparison.Ordinal); at >= 0; at = source.IndexOf(Marker, at + 1, StringComparison.Ordinal))
        {
            // The message is the second argument: skip the path (balanced parentheses) to its comma.
            var i = at + Marker.Length;
            for (var depth = 0; !(depth == 0 && source[i] == ','); i++)
            {
                depth += source[i] switch { '(' => 1, ')' => -1, _ => 0 };
            }

            i++;
            while (char.IsWhiteSpace(source[i]))
            {
                i++;
            }

            var text = new System.Text.StringBuilder();
            var hole = 0;
            if (source[i] == '$' || source[i] == '"')
            {
                var interpolated = source[i] == '$';
                i += interpolated ? 2 : 1;
                while (source[i] != '"')
                {
                    if (interpolated && source[i] == '{' && source[i + 1] == '{')
                    {
                        text.Append('{');
                        i += 2;
                    }
                    else if (interpolated && source[i] == '}' && source[i + 1] == '}')
                    {
                        text.Append('}');
                        i += 2;
                    }
                    else if (interpolated && source[i] == '{')
                    {
                        // A value: skip to its closing brace, over any string inside it.
                        var depth = 0;
                        do
                        {
                            if (source[i] == '"')
                            {
                                i = source.IndexOf('"', i + 1);
                            }

                            depth += source[i] switch { '{' => 1, '}' => -1, _ => 0 };
                            i++;
                        }
                        while (depth > 0);

                        text.Append('{').Append(hole++).Append('}');
                    }
                    else
                    {
                        text.Append(source[i++]);
                    }
                }

                i++;
                while (char.IsWhiteSpace(source[i]))
                {
                    i++;
                }

                if (source[i] == '+')
                {
                    text.Append('{').Append(hole).Append('}'); // "…: " + e.Message
                }
            }
            else
            {
                continue; // a message made of others (the editor's own messages joined)
            }

            reasons.Add(text.ToString());
        }

        return reasons;
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "ChuyenDe.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("ChuyenDe.sln not found above " + AppContext.BaseDirectory);
    }
}
