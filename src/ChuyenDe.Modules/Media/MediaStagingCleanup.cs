using ChuyenDe.Modules.Data;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ChuyenDe.Modules.Media;

/// <summary>
/// At start-up, deletes the files left in the media root's <c>.staging</c> folder by a process that stopped in the middle
/// of an upload or a recipe import (killed, power lost): a staged file is never part of the library, and one older than
/// this start belongs to no running request of this node. On a media root shared by several nodes
/// (<c>ChuyenDe:Media:Root</c>), another node may be writing a staged file right now: only files not written to for
/// <see cref="SharedRootGrace"/> are deleted there.
/// </summary>
internal sealed class MediaStagingCleanup(DataOptions options, TimeProvider clock, ILogger<MediaStagingCleanup> logger) : IHostedService
{
    public static readonly TimeSpan SharedRootGrace = TimeSpan.FromHours(1);

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var staging = Path.Combine(Path.GetFullPath(options.MediaFolder), ".staging");
        if (!Directory.Exists(staging))
        {
            return Task.CompletedTask;
        }

        var before = clock.GetUtcNow().UtcDateTime - (options.MediaRoot is null ? TimeSpan.Zero : SharedRootGrace);
        var deleted = 0;
        foreach (var file in Directory.EnumerateFiles(staging, "*", SearchOption.AllDirectories))
        {
            try
            {
                if (File.GetLastWriteTimeUtc(file) <= before)
                {
                    File.Delete(file);
                    deleted++;
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                logger.LogWarning(e, "The staged media file {File} left by an earlier run could not be deleted.", file);
            }
        }

        if (deleted > 0)
        {
            logger.LogWarning("Deleted {Count} staged media files left by an interrupted upload or import.", deleted);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
