using Microsoft.Extensions.DependencyInjection;

namespace ChuyenDe.Modules.Charts;

/// <summary>
/// Charts drawn on the server: a <see cref="ChartModel"/> (bar, stacked bar, line) written as accessible SVG
/// (<see cref="SvgChartWriter"/>) or rendered as PNG (<see cref="PngChartRenderer"/>). A low module that knows no other,
/// so the admin statistics and the public results pages can both use it.
/// </summary>
public static class ChartsModule
{
    public static IServiceCollection AddChartsModule(this IServiceCollection services)
    {
        services.AddSingleton<SvgChartWriter>();
        services.AddSingleton<PngChartRenderer>();
        return services;
    }
}
