using System.Text.Json.Nodes;
using ChuyenDe.Modules.Contents;

namespace ChuyenDe.Modules.Recipes;

/// <summary>
/// Orchard Core's <c>Content</c> step: <c>data</c> is an array of content items in Orchard Core's JSON. Items are
/// imported with their ids; an item whose latest version already has the same content is left alone.
/// </summary>
internal sealed class ContentStep(IContentManager contents, IContentDefinitionManager definitions, ContentShapes shapes) : IRecipeStepHandler
{
    public string Name => "Content";

    public async Task ExecuteAsync(RecipeStepContext context, CancellationToken ct)
    {
        var dataPath = RecipeJson.Child(context.Path, "data");
        var items = RecipeJson.Objects(RecipeJson.RequiredArray(context.Step, "data", context.Path), dataPath).ToList();
        var parsed = new List<(ContentItem Item, string Path)>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (json, path) in items)
        {
            RecipeJson.RequiredString(json, "ContentItemId", path);
            var typeName = RecipeJson.RequiredString(json, "ContentType", path);
            var type = await definitions.GetTypeDefinitionAsync(typeName, ct)
                ?? throw new RecipeStepException(RecipeJson.Child(path, "ContentType"), $"Unknown content type '{typeName}'.");
            var item = ContentItem.FromJson(json, path);
            if (!ids.Add(item.ContentItemId))
            {
                throw new RecipeStepException(RecipeJson.Child(path, "ContentItemId"), $"The content item '{item.ContentItemId}' appears twice.");
            }

            if (!item.Latest && !item.Published)
            {
                item.Latest = true;
            }

            shapes.Check(item, type, path);
            parsed.Add((item, path));
        }

        foreach (var (item, path) in parsed)
        {
            try
            {
                if (await contents.ImportAsync(item, ContentActor.System, ct))
                {
                    context.Changes++;
                }
            }
            catch (ContentOperationException ex)
            {
                throw new RecipeStepException(path, ex.Message);
            }
        }
    }
}
