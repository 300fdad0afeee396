using ChuyenDe.Modules.Media.Text;
using ChuyenDe.Modules.Media.Uploads;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ChuyenDe.Tests.Unit.Media.Uploads;

/// <summary>The registrations and the configuration keys of uploads and text extraction.</summary>
[UseVietnamese]
public sealed class MediaUploadServicesTests
{
    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddLocalization();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddMediaUploads();
        services.AddMediaTextExtraction();
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    [Fact]
    public void Defaults_apply_without_configuration()
    {
        using var provider = Build([]);
        var options = provider.GetRequiredService<IOptions<MediaUploadOptions>>().Value;

        Assert.Equal(MediaUploadOptions.DefaultExtensions.Order(), options.EffectiveExtensions().Order());
        Assert.Equal(50L * 1024 * 1024, options.MaxDocumentBytes);
        Assert.Equal(50L * 1024 * 1024, options.MaxImageBytes);
        Assert.Equal(500L * 1024 * 1024, options.MaxVideoBytes);
        Assert.False(options.AllowSvg);
        Assert.Equal(TimeSpan.FromSeconds(30), provider.GetRequiredService<IOptions<MediaTextOptions>>().Value.TimeLimit);
        Assert.Equal(1_000_000, provider.GetRequiredService<IOptions<MediaTextOptions>>().Value.MaxCharacters);
    }

    [Fact]
    public async Task A_configured_list_replaces_the_defaults_and_limits_are_configurable()
    {
        using var provider = Build(new()
        {
            ["ChuyenDe:Media:Uploads:AllowedExtensions:0"] = "PDF",
            ["ChuyenDe:Media:Uploads:AllowedExtensions:1"] = ".png",
            ["ChuyenDe:Media:Uploads:MaxImageBytes"] = "50",
        });
        var options = provider.GetRequiredService<IOptions<MediaUploadOptions>>().Value;
        Assert.Equal([".pdf", ".png"], options.EffectiveExtensions().Order());

        var validator = provider.GetRequiredService<UploadValidator>();
        using var docx = new MemoryStream(SampleFiles.Docx(["x"]));
        var refused = await validator.ValidateAsync("a.docx", docx, null, CancellationToken.None);
        Assert.Equal(UploadRefusalCode.NotAllowedType, refused.Code);
        Assert.StartsWith("Tệp “a.docx” không được chấp nhận", refused.Message);

        using var png = new MemoryStream(SampleFiles.Png());
        Assert.Equal(UploadRefusalCode.TooLarge, (await validator.ValidateAsync("a.png", png, null, CancellationToken.None)).Code);
    }
}
