using ChuyenDe.Modules.Caching;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace ChuyenDe.Modules.Operations;

/// <summary>
/// What an operator watches: <c>/health/live</c> and <c>/health/ready</c> (ASP.NET Core health checks in the standard
/// JSON format), <c>/metrics</c> (OpenTelemetry, Prometheus text format), both for <see cref="OperationsOptions.AllowedNetworks"/>
/// only, and JSON console logs when <c>ChuyenDe:Logging:Json</c> is true. See docs/operations.md.
/// </summary>
public static class OperationsModule
{
    /// <summary>The tag of the checks <c>/health/live</c> runs (the process only, no dependency).</summary>
    public const string LiveTag = "live";

    /// <summary>The tag of the checks <c>/health/ready</c> runs (the dependencies of serving requests).</summary>
    public const string ReadyTag = "ready";

    public const string LivePath = "/health/live";
    public const string ReadyPath = "/health/ready";
    public const string MetricsPath = "/metrics";

    /// <summary>The switch of the JSON console logs.</summary>
    public const string JsonLogsKey = "ChuyenDe:Logging:Json";

    public static IServiceCollection AddOperationsModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<OperationsOptions>().BindConfiguration(OperationsOptions.Section);
        services.AddSingleton(sp => AllowedNetworks.Parse(sp.GetRequiredService<IOptions<OperationsOptions>>().Value.AllowedNetworks));
        services.AddMetrics();
        services.AddSingleton<OperationsMetrics>();
        services.AddSingleton<IInterceptor, DbConnectionCountingInterceptor>();
        services.AddHostedService<OperationsSampler>();

        var timeout = configuration.GetSection(OperationsOptions.Section).Get<OperationsOptions>()?.CheckTimeout ?? new OperationsOptions().CheckTimeout;
        services.AddHealthChecks()
            .AddCheck("process", () => HealthCheckResult.Healthy("The process answers."), [LiveTag])
            .AddCheck<DatabaseHealthCheck>("database", HealthStatus.Unhealthy, [ReadyTag], timeout)
            .AddCheck<MediaRootHealthCheck>("media", HealthStatus.Unhealthy, [ReadyTag], timeout)
            .AddCheck<SearchIndexHealthCheck>("search", HealthStatus.Unhealthy, [ReadyTag], timeout)
            .AddCheck<EmailOutboxHealthCheck>("outbox", HealthStatus.Unhealthy, [ReadyTag], timeout);
        if (!string.IsNullOrWhiteSpace(configuration[RedisHealthCheck.ConfigurationKey]))
        {
            // Redis only when configured (several nodes); a node without it works as before.
            services.AddSingleton(sp => new RedisHealthCheck(sp.GetRequiredService<IConfiguration>()[RedisHealthCheck.ConfigurationKey]!));
            services.AddHealthChecks().AddCheck<RedisHealthCheck>("redis", HealthStatus.Unhealthy, [ReadyTag], timeout);
        }

        services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("chuyende-cms"))
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter(PageCacheMetrics.MeterName, OperationsMetrics.MeterName, "Npgsql")
                .AddPrometheusExporter());
        return services;
    }

    /// <summary>
    /// JSON console logs (the built-in JSON formatter, one object a line, UTC timestamps, scopes included: the trace and
    /// span ids, the request id and path) when <c>ChuyenDe:Logging:Json</c> is true; otherwise the plain console stays.
    /// </summary>
    public static ILoggingBuilder AddOperationsLogging(this ILoggingBuilder logging, IConfiguration configuration)
    {
        if (configuration.GetValue<bool>(JsonLogsKey))
        {
            logging.AddJsonConsole(o =>
            {
                o.IncludeScopes = true;
                o.UseUtcTimestamp = true;
                o.TimestampFormat = "yyyy'-'MM'-'dd'T'HH':'mm':'ss.fff'Z'";
                o.JsonWriterOptions = new System.Text.Json.JsonWriterOptions { Indented = false };
            });
        }

        return logging;
    }

    /// <summary>
    /// The route group of every request's metrics and the refusal of the health and metrics endpoints outside the allowed
    /// networks (<see cref="OperationsMiddleware"/>); right after the forwarded headers, before the page caches.
    /// </summary>
    public static IApplicationBuilder UseOperations(this IApplicationBuilder app)
        => app.UseMiddleware<OperationsMiddleware>();

    /// <summary><c>/health/live</c>, <c>/health/ready</c> and <c>/metrics</c>: open to anonymous callers (the networks decide), never cached.</summary>
    public static IEndpointRouteBuilder MapOperationsEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(LivePath, (HttpContext context) => AnswerAsync(context, LiveTag)).AllowAnonymous();
        endpoints.MapGet(ReadyPath, (HttpContext context) => AnswerAsync(context, ReadyTag)).AllowAnonymous();
        endpoints.MapPrometheusScrapingEndpoint(MetricsPath).AllowAnonymous();
        return endpoints;
    }

    private static async Task AnswerAsync(HttpContext context, string tag)
    {
        var service = context.RequestServices.GetRequiredService<HealthCheckService>();
        var report = await service.CheckHealthAsync(r => r.Tags.Contains(tag), context.RequestAborted);
        context.Response.StatusCode = report.Status == HealthStatus.Unhealthy ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status200OK;
        await HealthReportWriter.WriteAsync(context, report);
    }
}
