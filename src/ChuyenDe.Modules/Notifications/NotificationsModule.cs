using Microsoft.Extensions.DependencyInjection;

namespace ChuyenDe.Modules.Notifications;

public static class NotificationsModule
{
    public static IServiceCollection AddNotificationsModule(this IServiceCollection services)
    {
        return services;
    }
}
