using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChuyenDe.Modules.Backups;

/// <summary>The <c>backup</c> and <c>restore</c> commands of the host (see <see cref="BackupCommand"/>, docs/operations.md).</summary>
public static class BackupsModule
{
    public static IServiceCollection AddBackupsModule(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<BackupOptions>().BindConfiguration(BackupOptions.Section);
        services.AddSingleton<PostgresTools>();
        services.AddSingleton<BackupService>();
        services.AddSingleton<RestoreService>();
        return services;
    }
}
