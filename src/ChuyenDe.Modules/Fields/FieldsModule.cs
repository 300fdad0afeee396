using ChuyenDe.Modules.Fields.BooleanField;
using ChuyenDe.Modules.Fields.ConsentPart;
using ChuyenDe.Modules.Fields.ContentPickerField;
using ChuyenDe.Modules.Fields.Editing;
using ChuyenDe.Modules.Fields.DateField;
using ChuyenDe.Modules.Fields.DateTimeField;
using ChuyenDe.Modules.Fields.HtmlBodyPart;
using ChuyenDe.Modules.Fields.LinkField;
using ChuyenDe.Modules.Fields.MarkdownBodyPart;
using ChuyenDe.Modules.Fields.MediaField;
using ChuyenDe.Modules.Fields.NumericField;
using ChuyenDe.Modules.Fields.Rendering;
using ChuyenDe.Modules.Fields.TaxonomyField;
using ChuyenDe.Modules.Fields.TextField;
using ChuyenDe.Modules.Fields.AutoroutePart;
using ChuyenDe.Modules.Fields.OrganizationPart;
using ChuyenDe.Modules.Fields.PublishLaterPart;
using ChuyenDe.Modules.Fields.TaxonomyPart;
using ChuyenDe.Modules.Fields.TermPart;
using ChuyenDe.Modules.Fields.TitlePart;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChuyenDe.Modules.Fields;

/// <summary>Marker for the field drivers' UI strings (<c>FieldsResources.vi.resx</c>).</summary>
public sealed class FieldsResources;

public static class FieldsModule
{
    /// <summary>
    /// The field kinds' drivers (and of the parts with a body; one folder each: <c>Fields/&lt;Kind&gt;/</c>) and the public display builder made
    /// from them, which the public site and the review page share.
    /// </summary>
    public static IServiceCollection AddFieldsModule(this IServiceCollection services)
    {
        services.TryAddSingleton<IContentHtmlRenderer, ContentHtmlRenderer>();
        services.TryAddSingleton<PublishedBodyCache>();
        services.TryAddScoped<IFieldDrivers, FieldDrivers>();
        services.TryAddScoped<IContentDisplayBuilder, ContentDisplayBuilder>();
        services.TryAddScoped<IFieldEditors, FieldEditors>();

        // One line per field kind, in the order the content definition editor offers them.
        services.AddFieldDriver<TextFieldDriver>();
        services.AddFieldDriver<NumericFieldDriver>();
        services.AddFieldDriver<BooleanFieldDriver>();
        services.AddFieldDriver<DateFieldDriver>();
        services.AddFieldDriver<DateTimeFieldDriver>();
        services.AddFieldDriver<LinkFieldDriver>();
        services.AddFieldDriver<MediaFieldDriver>();
        services.AddFieldDriver<ContentPickerFieldDriver>();
        services.AddFieldDriver<TaxonomyFieldDriver>();

        // One line per part kind with a driver, in the order the content definition editor offers them.
        services.AddPartDriver<TitlePartDriver>();
        services.AddPartDriver<MarkdownBodyPartDriver>();
        services.AddPartDriver<HtmlBodyPartDriver>();
        services.AddPartDriver<AutoroutePartDriver>();
        services.AddPartDriver<OrganizationPartDriver>();
        services.AddPartDriver<PublishLaterPartDriver>();
        services.AddPartDriver<TaxonomyPartDriver>();
        services.AddPartDriver<TermPartDriver>();
        services.AddPartDriver<ConsentPartDriver>();
        return services;
    }

    /// <summary>Registers the driver of one part kind.</summary>
    public static IServiceCollection AddPartDriver<TDriver>(this IServiceCollection services)
        where TDriver : class, IPartDriver
    {
        services.AddScoped<TDriver>();
        services.AddScoped<IPartDriver>(sp => sp.GetRequiredService<TDriver>());
        ForwardContracts<TDriver>(services, typeof(IPartDriver));
        return services;
    }

    /// <summary>Registers the driver of one field kind.</summary>
    public static IServiceCollection AddFieldDriver<TDriver>(this IServiceCollection services)
        where TDriver : class, IFieldDriver
    {
        services.AddScoped<TDriver>();
        services.AddScoped<IFieldDriver>(sp => sp.GetRequiredService<TDriver>());
        ForwardContracts<TDriver>(services, typeof(IFieldDriver));
        return services;
    }

    /// <summary>
    /// A driver may implement further contracts of the modules (its editor, the engine's rules for its kind, its
    /// settings editor), each in a file of its own beside the driver (a partial class); the one registration line
    /// makes the same scoped instance available under each of them.
    /// </summary>
    private static void ForwardContracts<TDriver>(IServiceCollection services, Type registered)
        where TDriver : class
    {
        foreach (var contract in typeof(TDriver).GetInterfaces())
        {
            if (contract != registered && contract.Namespace?.StartsWith("ChuyenDe.Modules", StringComparison.Ordinal) == true)
            {
                services.AddScoped(contract, sp => sp.GetRequiredService<TDriver>());
            }
        }
    }
}
