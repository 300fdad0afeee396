using ChuyenDe.Modules.Contents;
using ChuyenDe.Modules.Media.Text;
using ChuyenDe.Modules.Media.Uploads;
using ChuyenDe.Modules.Recipes;
using ChuyenDe.Modules.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChuyenDe.Modules.Media;

public static class MediaModule
{
    public static IServiceCollection AddMediaModule(this IServiceCollection services)
    {
        services.AddSingleton<IMediaStore, FileSystemMediaStore>();
        services.AddScoped<IRecipeStepHandler, MediaStep>();
        services.AddScoped<RecipeMediaFiles>();
        services.AddScoped<IRecipeMediaFiles>(sp => sp.GetRequiredService<RecipeMediaFiles>());
        services.AddSingleton<IPermissionProvider, MediaPermissions>();
        services.AddSingleton<MediaUsageBackfill>();
        services.AddScoped<IMediaUsage, MediaUsageService>();
        services.AddScoped<MediaFileAccess>();
        services.AddScoped<IMediaFileAccess>(sp => sp.GetRequiredService<MediaFileAccess>());
        services.AddScoped<IContentEventHandler, MediaUsageIndexer>();
        services.AddScoped<IMediaUploadService, MediaUploadService>();
        services.AddScoped<IContentPublishCheck, MediaPublishChecks>();
        services.AddSingleton<Admin.IAdminMenuProvider, MediaAdminMenu>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<DownloadDeduplicator>();
        // Staged files left by a process killed mid-upload or mid-import (docs/operations.md, "Crash safety").
        services.AddHostedService<MediaStagingCleanup>();
        services.AddMediaImages();
        services.AddMediaUploads();
        services.AddMediaTextExtraction();
        return services;
    }

    /// <summary>
    /// <c>/media/{path}</c>: files of the media library. Files used by a published item are public; files used only by
    /// unpublished items or by nothing are served to signed-in users whose scope includes the file's organisation, or who
    /// may view an unpublished item the file is the own of (<see cref="MediaAccess"/>). Everyone else gets 404. See <see cref="MediaFileEndpoint"/>.
    /// </summary>
    public static IEndpointRouteBuilder MapMediaModule(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/media/{**path}", MediaFileEndpoint.ServeAsync).WithName("Media").AllowAnonymous();
        endpoints.MapGet(DerivativeEndpoint.Prefix + "/{size}/{format}/{**path}", DerivativeEndpoint.ServeAsync).WithName("MediaDerivative").AllowAnonymous();
        return endpoints;
    }
}

/// <summary>
/// Orchard Core's <c>media</c> step: <c>Files</c> of <c>{ TargetPath, SourcePath | Base64 }</c>. SourcePath is relative to
/// the recipe file and must stay inside its folder. Files are staged and moved into place only when the recipe commits.
/// </summary>
internal sealed class MediaStep(IMediaStore store, RecipeMediaFiles written) : IRecipeStepHandler
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

            written.Add(target);
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
