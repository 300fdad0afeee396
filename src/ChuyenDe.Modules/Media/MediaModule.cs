using ChuyenDe.Modules.Recipes;
using ChuyenDe.Modules.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Net.Http.Headers;

namespace ChuyenDe.Modules.Media;

public static class MediaModule
{
    public static IServiceCollection AddMediaModule(this IServiceCollection services)
    {
        services.AddSingleton<IMediaStore, FileSystemMediaStore>();
        services.AddScoped<IRecipeStepHandler, MediaStep>();
        services.AddSingleton<IPermissionProvider, MediaPermissions>();
        return services;
    }

    /// <summary><c>/media/{path}</c>: files of the media library, with range requests and safe headers.</summary>
    public static IEndpointRouteBuilder MapMediaModule(this IEndpointRouteBuilder endpoints)
    {
        var types = new FileExtensionContentTypeProvider();
        endpoints.MapGet("/media/{**path}", async (string path, IMediaStore store, HttpContext http, CancellationToken ct) =>
        {
            var stream = await store.OpenReadAsync(path, ct);
            if (stream is null)
            {
                return Results.NotFound();
            }

            if (!types.TryGetContentType(path, out var contentType))
            {
                contentType = "application/octet-stream";
            }

            http.Response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
            http.Response.Headers[HeaderNames.ContentSecurityPolicy] = "default-src 'none'; img-src 'self'; media-src 'self'; sandbox";
            http.Response.Headers[HeaderNames.CacheControl] = "public, max-age=3600";
            var lastModified = stream is FileStream fs ? File.GetLastWriteTimeUtc(fs.Name) : (DateTime?)null;
            return Results.File(stream, contentType, lastModified: lastModified, enableRangeProcessing: true);
        }).WithName("Media");
        return endpoints;
    }
}

internal sealed class MediaPermissions : IPermissionProvider
{
    public IEnumerable<Permission> GetPermissions() =>
    [
        new("ManageMedia", "Manage the media library of organisations in scope"),
        new("ManageOwnMedia", "Manage own media", ["ManageMedia"]),
    ];
}

/// <summary>
/// Orchard Core's <c>media</c> step: <c>Files</c> of <c>{ TargetPath, SourcePath | Base64 }</c>. SourcePath is relative to
/// the recipe file and must stay inside its folder. Files are staged and moved into place only when the recipe commits.
/// </summary>
internal sealed class MediaStep(IMediaStore store) : IRecipeStepHandler
{
    public string Name => "Media";

    public async Task ExecuteAsync(RecipeStepContext context, CancellationToken ct)
    {
        var filesPath = RecipeJson.Child(context.Path, "Files");
        var root = Path.GetFullPath(context.RecipeDirectory);
        var staged = new List<StagedMediaFile>();
        context.OnRolledBack(() => staged.ForEach(s => s.Discard()));
        context.OnCommitted(() =>
        {
            staged.ForEach(s => s.Commit());
            return Task.CompletedTask;
        });
        foreach (var (file, path) in RecipeJson.Objects(RecipeJson.RequiredArray(context.Step, "Files", context.Path), filesPath).ToList())
        {
            var target = RecipeJson.RequiredString(file, "TargetPath", path);
            if (!FileSystemMediaStore.IsSafe(target))
            {
                throw new RecipeStepException(RecipeJson.Child(path, "TargetPath"), $"'{target}' is not a safe media path.");
            }

            byte[] bytes;
            if (RecipeJson.OptionalString(file, "SourcePath", path) is { } source)
            {
                var full = Path.GetFullPath(Path.Combine(root, source));
                if (!full.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal) || !File.Exists(full))
                {
                    throw new RecipeStepException(RecipeJson.Child(path, "SourcePath"), $"The file '{source}' does not exist beside the recipe.");
                }

                bytes = await File.ReadAllBytesAsync(full, ct);
            }
            else if (RecipeJson.OptionalString(file, "Base64", path) is { } base64)
            {
                try
                {
                    bytes = Convert.FromBase64String(base64);
                }
                catch (FormatException)
                {
                    throw new RecipeStepException(RecipeJson.Child(path, "Base64"), "Base64 is not valid base-64 text.");
                }
            }
            else
            {
                throw new RecipeStepException(path, "A file needs a SourcePath or Base64 (SourceUrl is not supported: this site does not download).");
            }

            if (await store.HasSameContentAsync(target, bytes, ct))
            {
                continue;
            }

            using var input = new MemoryStream(bytes, writable: false);
            staged.Add(await store.StageAsync(target, input, ct));
            context.Changes++;
        }
    }
}
