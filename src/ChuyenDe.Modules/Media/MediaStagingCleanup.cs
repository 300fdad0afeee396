using ChuyenDe.Modules.Data;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ChuyenDe.Modules.Media;

/// <summary>
/// At start-up, deletes what a process that stopped in the middle of its work (killed, power lost) left in the media
/// root: the files of its <c>.staging</c> folder (an upload or a recipe import cut off), the health check's probe
/// files (<c>.health-*</c>, cut off between writing and deleting) and the temporary files of image derivatives
/// (<c>.derivatives/…/.*.tmp</c>, cut off before their rename). None is ever part of the library, and one older
/// than this start belongs to no running request of this node. On a media root shared by several nodes
/// (<c>ChuyenDe:Media:Root</c>), another node may be writing one right now: only files not written to for
/// <see cref="SharedRootGrace"/> are deleted there. See docs/operations.md, "Crash safety".
/// </summary>
internal sealed class MediaStagingCleanup(DataOptions options, TimeProvider clock, ILogger<MediaStagingCleanup> logger) : IHostedService
{
    public static readonly TimeSpan SharedRootGrace = TimeSpan.FromHours(1);

    /// <summary>The prefix of the probe files of <c>Operations.MediaRootHealthCheck</c>.</summary>
    public const string HealthProbePrefix = ".health-";

    public Task StartAsync(CancellationToken cancellationToken)
    {
        Clean();
        return Task.CompletedTask;
    }

    /// <summary>Deletes the leftovers; returns how many files were deleted.</summary>
    internal int Clean()
    {
        var root = Path.GetFullPath(options.MediaFolder);
        if (!Directory.Exists(root))
        {
            return 0;
        }

        var before = clock.GetUtcNow().UtcDateTime - (options.MediaRoot is null ? TimeSpan.Zero : SharedRootGrace);
        var staging = Path.Combine(root, ".staging");
        var leftovers = Directory.EnumerateFiles(root, HealthProbePrefix + "*", SearchOption.TopDirectoryOnly);
        if (Directory.Exists(staging))
        {
            leftovers = leftovers.Concat(Directory.EnumerateFiles(staging, "*", SearchOption.AllDirectories));
        }

        // Image derivatives are written to ".{guid}.tmp" beside their target, then renamed.
        var derivatives = Path.Combine(root, ".derivatives");
        if (Directory.Exists(derivatives))
        {
            leftovers = leftovers.Concat(Directory.EnumerateFiles(derivatives, ".*.tmp", SearchOption.AllDirectories));
        }

        var deleted = 0;
        foreach (var file in leftovers.ToList())
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
                logger.LogWarning(e, "The media file {File} left by an earlier run could not be deleted.", file);
            }
        }

        if (deleted > 0)
        {
            logger.LogWarning("Deleted {Count} staged, probe or temporary files left in the media folder by an interrupted run.", deleted);
        }

        return deleted;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
