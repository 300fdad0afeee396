using System.Globalization;
using ChuyenDe.Modules.Admin;
using ChuyenDe.Modules.Analytics;
using ChuyenDe.Modules.Audit;
using ChuyenDe.Modules.Backups;
using ChuyenDe.Modules.Caching;
using ChuyenDe.Modules.Charts;
using ChuyenDe.Modules.Commendations;
using ChuyenDe.Modules.Contents;
using ChuyenDe.Modules.Data;
using ChuyenDe.Modules.Definitions;
using ChuyenDe.Modules.Editorial;
using ChuyenDe.Modules.Editors;
using ChuyenDe.Modules.Fields;
using ChuyenDe.Modules.Harvesting;
using ChuyenDe.Modules.History;
using ChuyenDe.Modules.Library;
using ChuyenDe.Modules.Media;
using ChuyenDe.Modules.Notifications;
using ChuyenDe.Modules.Operations;
using ChuyenDe.Modules.Organizations;
using ChuyenDe.Modules.Recipes;
using ChuyenDe.Modules.Reports;
using ChuyenDe.Modules.ScaleOut;
using ChuyenDe.Modules.TopicResults;
using ChuyenDe.Modules.Search;
using ChuyenDe.Modules.Security;
using ChuyenDe.Modules.Settings;
using ChuyenDe.Modules.Setup;
using ChuyenDe.Modules.Statistics;
using ChuyenDe.Modules.Users;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.WebEncoders;

// `backup <file>` and `restore <file> [--force]` run an operator's command instead of the site (docs/operations.md).
var backupCommand = BackupCommand.IsCommand(args);
var builder = WebApplication.CreateBuilder(BackupCommand.HostArguments(args));
// Run from the build output (not published) in any environment, the precompressed copies of wwwroot live beside the
// project (obj/…/compressed); published, the runtime manifest is absent and this does nothing.
builder.WebHost.UseStaticWebAssets();
// The precompressed copies are sent as they are. Run from the build output, MapStaticAssets would otherwise re-check
// every file against the build and, finding it "changed", send it uncompressed under a compressed label and without
// caching headers (a help for editing wwwroot while the site runs: ReloadStaticAssetsAtRuntime=true turns it back on).
builder.Configuration["ReloadStaticAssetsAtRuntime"] ??= "false";

var data = DataOptions.FromConfiguration(builder.Configuration, builder.Environment.ContentRootPath);
builder.Services
    .AddDataModule(data)
    .AddContentsModule()
    .AddRecipesModule()
    .AddSettingsModule()
    .AddOrganizationsModule()
    .AddUsersModule()
    .AddSecurityModule()
    .AddAdminModule()
    .AddFieldsModule()
    .AddEditorsModule()
    .AddHistoryModule()
    .AddDefinitionsModule()
    .AddMediaModule()
    .AddAuditModule()
    .AddNotificationsModule()
    .AddEditorialModule()
    .AddSearchModule()
    .AddLibraryModule()
    .AddReportsModule()
    .AddChartsModule()
    .AddResultsModule()
    .AddCommendationsModule()
    .AddAnalyticsModule()
    .AddStatisticsModule()
    .AddHarvestingModule(builder.Configuration)
    .AddCachingModule(builder.Configuration)
    // Several nodes (ChuyenDe:Redis:Configuration): after the modules whose single-node services it replaces.
    .AddScaleOutModule(builder.Configuration)
    .AddOperationsModule(builder.Configuration)
    .AddSetupModule()
    .AddBackupsModule();
// JSON console logs with trace and request ids when ChuyenDe:Logging:Json is true (docs/operations.md).
builder.Logging.AddOperationsLogging(builder.Configuration);
builder.Services.AddLocalization();
// The resources' strings are looked up once per culture and name (a public page asks for some 50 of them).
CachedStringLocalizerFactory.AddCachedLocalization(builder.Services);
// Vietnamese letters are written as they are in pages, not as numeric character references.
builder.Services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
builder.Services.AddControllersWithViews()
    .AddRazorOptions(o => o.ViewLocationExpanders.Add(new ChuyenDe.Cms.ModuleViewLocationExpander(typeof(ContentItem).Assembly)));

// Behind a reverse proxy: the client's address (sign-in throttling) and https (Secure cookies, HSTS) come from it.
builder.Services.AddTransportSecurity(builder.Configuration);

var app = builder.Build();
if (backupCommand)
{
    // The site's services (configuration, database, media and key folders, search) without the web server, the
    // background services or the setup (a restore goes into an empty target).
    using var cancel = new CancellationTokenSource();
    Console.CancelKeyPress += (_, e) =>
    {
        e.Cancel = true;
        cancel.Cancel();
    };
    Environment.ExitCode = await BackupCommand.RunAsync(app.Services, args, Console.Out, Console.Error, cancel.Token);
    await app.DisposeAsync();
    return;
}

app.UseTransportSecurity();
// The route group of the request metrics; /health/* and /metrics only for the allowed networks (after forwarded headers).
app.UseOperations();
app.UseExceptionHandler("/loi/500");
// Views of item pages are counted before HEAD becomes GET and before the page caches answer (no database work here).
app.UseViewCounting();
app.UseHeadRequests();
// Public pages this node has rendered are answered here, before the rest of the pipeline runs; then the output cache of
// the public pages (the endpoint's policy, so after routing) and compression of anonymous answers.
app.UseFrontPageCache();
app.UseRouting();
app.UsePageCache();

var vietnamese = CultureInfo.GetCultureInfo("vi-VN");
app.UseRequestLocalization(new RequestLocalizationOptions
{
    DefaultRequestCulture = new RequestCulture(vietnamese),
    SupportedCultures = [vietnamese],
    SupportedUICultures = [vietnamese],
    RequestCultureProviders = [],
});
app.UseStatusCodePagesWithReExecute("/loi/{0}");
app.Use(async (context, next) =>
{
    var headers = context.Response.Headers;
    headers.XContentTypeOptions = "nosniff";
    headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
    headers.XFrameOptions = "DENY";
    if (!context.Request.Path.StartsWithSegments("/media"))
    {
        headers.ContentSecurityPolicy = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";
    }

    await next();
});
// The sign-in cookie is read only from requests that carry a cookie or an Authorization header: any other request is
// anonymous whatever the handler would find, so most public traffic skips building it. Same users, same challenges
// (a challenge builds the handler when it is needed). In a branch, the host no longer sees the middleware placed and
// would add another at the start of the pipeline: the key UseAuthentication writes says it is.
app.UseWhen(
    static context => context.Request.Headers.ContainsKey(Microsoft.Net.Http.Headers.HeaderNames.Cookie)
                      || context.Request.Headers.ContainsKey(Microsoft.Net.Http.Headers.HeaderNames.Authorization),
    static branch => branch.UseAuthentication());
((IApplicationBuilder)app).Properties["__AuthenticationMiddlewareSet"] = true;
app.UseAccountRequirements();
app.UseAuthorization();
app.UseEntityTags();
app.MapMediaModule();
// wwwroot (CSS, JS, SVG): precompressed with Brotli and gzip at build and publish (BuildCompressionFormats in the
// project), entity tags from the content's hash; served to everyone (the fallback policy asks for a signed-in user).
app.MapStaticAssets().AllowAnonymous();
app.MapControllers().WithStaticAssets();
app.MapOperationsEndpoints();

await SetupModule.RunSetupAsync(app.Services);
if (args.Contains("--rebuild-search-index", StringComparer.Ordinal))
{
    // Maintenance command (with the site of this node stopped): rebuild its search index from the content tables, then exit.
    await app.Services.GetRequiredService<ISearchIndexMaintenance>().RebuildAsync();
    Console.WriteLine("The search index was rebuilt.");
    return;
}

await app.RunAsync();

/// <summary>The web host; visible to the functional tests' WebApplicationFactory.</summary>
public partial class Program;
