using ChuyenDe.Modules.Admin;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Localization;

namespace ChuyenDe.Modules.Notifications;

/// <summary>Marker for the Notifications module's UI strings (<c>NotificationsResources.vi.resx</c>).</summary>
public sealed class NotificationsResources;

public static class NotificationsModule
{
    /// <summary>
    /// In-app notifications (<c>/admin/thong-bao</c>, the header badge, the dashboard block) and e-mail through MailKit when
    /// <c>ChuyenDe:Smtp:Host</c> is configured, sent after commit by an outbox.
    /// </summary>
    public static IServiceCollection AddNotificationsModule(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<SmtpOptions>().BindConfiguration(SmtpOptions.Section);
        services.AddOptions<NotificationOptions>().BindConfiguration(NotificationOptions.Section)
            .PostConfigure<IConfiguration>((o, configuration) => o.PublicBaseUrl ??= configuration["ChuyenDe:PublicBaseUrl"]);
        services.AddScoped<NotificationRecipientResolver>();
        services.AddScoped<INotifier, Notifier>();
        services.AddScoped<INotificationInbox, NotificationInbox>();
        services.AddScoped<INotificationEventLog, NotificationEventLog>();
        services.AddScoped<NotificationEmailComposer>();
        services.AddScoped<NotificationEmailSender>();
        services.TryAddSingleton<IEmailTransportFactory, MailKitEmailTransportFactory>();
        services.AddSingleton<NotificationOutboxSignal>();
        services.AddScoped<IEmailOutboxStatus, EmailOutboxStatus>();
        services.AddHostedService<NotificationOutboxService>();
        services.AddSingleton<IAdminMenuProvider, NotificationsMenu>();
        services.AddAdminZoneComponent<NotificationBadgeViewComponent>(AdminZones.Header);
        services.AddAdminZoneComponent<NotificationDashboardViewComponent>(AdminZones.Dashboard);
        return services;
    }
}

internal sealed class NotificationsMenu(IStringLocalizer<NotificationsResources> T) : IAdminMenuProvider
{
    public IEnumerable<AdminMenuItem> GetItems() =>
    [
        new(T["Overview"], T["Notifications"], NotificationsController.BasePath, AdminPermissions.AccessAdmin, 1),
    ];
}
