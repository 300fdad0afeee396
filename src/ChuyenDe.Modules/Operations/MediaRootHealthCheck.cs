using ChuyenDe.Modules.Data;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ChuyenDe.Modules.Operations;

/// <summary>
/// The media folder can be written: a small hidden file is written, read back and deleted (on a shared mount this also
/// proves the mount is there). Reports the free space of its file system.
/// </summary>
internal sealed class MediaRootHealthCheck(DataOptions data) : IHealthCheck
{
    private static readonly byte[] Probe = "chuyende health probe\n"u8.ToArray();

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var root = Path.GetFullPath(data.MediaFolder);
        var values = new Dictionary<string, object> { ["path"] = root };
        if (!Directory.Exists(root))
        {
            return new HealthCheckResult(context.Registration.FailureStatus, "The media folder does not exist.", data: values);
        }

        var probe = Path.Combine(root, $".health-{Environment.ProcessId}-{Guid.NewGuid():N}");
        try
        {
            await File.WriteAllBytesAsync(probe, Probe, cancellationToken);
            var back = await File.ReadAllBytesAsync(probe, cancellationToken);
            if (!back.AsSpan().SequenceEqual(Probe))
            {
                return new HealthCheckResult(context.Registration.FailureStatus, "A file written to the media folder read back differently.", data: values);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, "The media folder cannot be written.", e, values);
        }
        finally
        {
            try
            {
                File.Delete(probe);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Nothing was written, or the folder went away meanwhile: the result above says so.
            }
        }

        try
        {
            values["freeBytes"] = new DriveInfo(root).AvailableFreeSpace;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            // The free space is a figure for the operator, not a condition.
        }

        return HealthCheckResult.Healthy("The media folder can be written.", values);
    }
}
