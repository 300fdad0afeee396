using System.Net;
using System.Security.Claims;
using ChuyenDe.Modules.Contents;
using ChuyenDe.Modules.Security;
using ChuyenDe.Modules.Users;
using ChuyenDe.Tests.Functional.Admin;
using ChuyenDe.Tests.Functional.Media;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;

namespace ChuyenDe.Tests.Functional.Security;

/// <summary>Who may reach an endpoint: anonymous visitors, any signed-in user, or holders of every listed permission.</summary>
public sealed record EndpointAccess(bool IsPublic, IReadOnlySet<string> Permissions)
{
    public static readonly EndpointAccess Public = new(true, new HashSet<string>());

    public static readonly EndpointAccess SignedIn = new(false, new HashSet<string>());

    /// <summary>The back office: <c>AccessAdmin</c> and the other permissions named.</summary>
    public static EndpointAccess Admin(params string[] permissions) => Requires(["AccessAdmin", .. permissions]);

    /// <summary>Every permission named (outside the back office).</summary>
    public static EndpointAccess Requires(params string[] permissions) => new(false, new HashSet<string>(permissions, StringComparer.Ordinal));

    public bool Matches(EndpointAccess other) => IsPublic == other.IsPublic && Permissions.SetEquals(other.Permissions);

    public override string ToString()
        => IsPublic ? "public" : Permissions.Count == 0 ? "any signed-in user" : string.Join(" + ", Permissions.Order(StringComparer.Ordinal));

    /// <summary>How the entry is written in <see cref="EndpointMatrix.Entries"/>.</summary>
    public string Code()
        => IsPublic ? "Public"
            : Permissions.Count == 0 ? "SignedIn"
            : $"{(Permissions.Contains("AccessAdmin") ? "Admin" : "Requires")}({string.Join(", ", Permissions.Where(p => p != "AccessAdmin").Order(StringComparer.Ordinal).Select(p => $"\"{p}\""))})";
}

/// <summary>
/// The permission matrix of the whole site: one line per endpoint, keyed <c>"METHOD /template"</c> as routing knows it
/// (<c>*</c> for an endpoint that takes any method). A new endpoint fails <see cref="EndpointMatrixTests{TFixture}"/>
/// until it has its line here; the permissions are those its attributes require (finer checks, such as an item's
/// organisation, are tested by the module's own tests).
/// </summary>
public static class EndpointMatrix
{
    private static readonly EndpointAccess Public = EndpointAccess.Public;
    private static readonly EndpointAccess SignedIn = EndpointAccess.SignedIn;

    private static EndpointAccess Admin(params string[] permissions) => EndpointAccess.Admin(permissions);

    private static EndpointAccess Requires(params string[] permissions) => EndpointAccess.Requires(permissions);

    public static readonly IReadOnlyDictionary<string, EndpointAccess> Entries = new Dictionary<string, EndpointAccess>(StringComparer.Ordinal)
    {
        // The public site (Library, Search), its error pages and media files.
        ["GET /"] = Public,
        ["GET /kho-hoc-lieu"] = Public,
        ["GET /sang-kien"] = Public,
        ["GET /san-pham-dien-hinh"] = Public,
        ["GET /mo-hinh-diem"] = Public,
        ["GET /tin-tuc"] = Public,
        ["GET /tin-tuc/{category}"] = Public,
        ["GET /tin-tuc/{category}/feed"] = Public,
        ["GET /tin-tuc/{category}/feed/atom"] = Public,
        ["GET /su-kien"] = Public,
        ["GET /guong-dien-hinh"] = Public,
        ["GET /don-vi"] = Public,
        ["GET /don-vi/{id}"] = Public,
        ["GET /van-ban"] = Public,
        ["GET /{**path}"] = Public,
        ["GET /feed"] = Public,
        ["GET /feed/atom"] = Public,
        ["GET /tin-tuc/feed"] = Public,
        ["GET /tin-tuc/feed/atom"] = Public,
        ["GET /su-kien/feed"] = Public,
        ["GET /su-kien/feed/atom"] = Public,
        ["GET /sang-kien/feed"] = Public,
        ["GET /sang-kien/feed/atom"] = Public,
        ["GET /san-pham-dien-hinh/feed"] = Public,
        ["GET /san-pham-dien-hinh/feed/atom"] = Public,
        ["GET /mo-hinh-diem/feed"] = Public,
        ["GET /mo-hinh-diem/feed/atom"] = Public,
        ["GET /van-ban/feed"] = Public,
        ["GET /van-ban/feed/atom"] = Public,
        ["GET /robots.txt"] = Public,
        ["GET /su-kien/lich.ics"] = Public,
        ["GET /su-kien/{slug}.ics"] = Public,
        ["GET /sitemap.xml"] = Public,
        ["GET /oai"] = Public, // OAI-PMH 2.0 (Harvesting), GET and POST
        ["POST /oai"] = Public,
        ["GET /sitemap-{number:int:min(1)}.xml"] = Public,
        ["* /loi/{code:int}"] = Public,
        ["GET /tim-kiem"] = Public,
        ["GET /tim-kiem/goi-y"] = Public,
        ["GET /media/{**path}"] = Public,
        ["GET /media/_anh/{size}/{format}/{**path}"] = Public,

        // Health and metrics: open to anonymous callers of the allowed networks (loopback by default), 404 to others
        // (Functional/Operations/HealthAndMetricsTests, OperationsSettingsTests).
        ["GET /health/live"] = Public,
        ["GET /health/ready"] = Public,
        ["* /metrics"] = Public,

        // Signing in and out, one's own password.
        ["GET /admin/dang-nhap"] = Public,
        ["GET /admin/dang-nhap/xac-thuc"] = Public,
        ["POST /admin/dang-nhap/xac-thuc"] = Public,
        ["GET /admin/tai-khoan/xac-thuc-hai-buoc"] = Admin(),
        ["POST /admin/tai-khoan/xac-thuc-hai-buoc/bat"] = Admin(),
        ["POST /admin/tai-khoan/xac-thuc-hai-buoc/ma-khoi-phuc"] = Admin(),
        ["POST /admin/tai-khoan/xac-thuc-hai-buoc/tat"] = Admin(),
        ["POST /admin/dang-nhap"] = Public,
        ["GET /admin/tu-choi"] = Public,
        ["POST /admin/dang-xuat"] = SignedIn,
        ["GET /admin/doi-mat-khau"] = SignedIn,
        ["POST /admin/doi-mat-khau"] = SignedIn,

        // The back office: dashboard, notifications, content, history, review, search.
        ["GET /admin"] = Admin(),
        ["GET /admin/thong-bao"] = Admin(),
        ["GET /admin/thong-bao/{id:long}"] = Admin(),
        ["POST /admin/thong-bao/{id:long}/da-doc"] = Admin(),
        ["POST /admin/thong-bao/da-doc-tat-ca"] = Admin(),
        ["GET /admin/noi-dung"] = Admin(),
        ["GET /admin/noi-dung/tim"] = Admin(),
        ["GET /admin/noi-dung/tao/{type}"] = Admin(),
        ["POST /admin/noi-dung/tao/{type}"] = Admin(),
        ["POST /admin/noi-dung/xem-truoc"] = Admin(),
        ["GET /admin/noi-dung/{id}"] = Admin(),
        ["GET /admin/noi-dung/{id}/sua"] = Admin(),
        ["POST /admin/noi-dung/{id}/sua"] = Admin(),
        ["POST /admin/noi-dung/{id}/go-xuat-ban"] = Admin(),
        ["POST /admin/noi-dung/{id}/huy-nhap"] = Admin(),
        ["POST /admin/noi-dung/{id}/nhan-ban"] = Admin(),
        ["GET /admin/noi-dung/{id}/xoa"] = Admin(),
        ["POST /admin/noi-dung/{id}/xoa"] = Admin(),
        ["GET /admin/noi-dung/{id}/lich-su"] = Admin(),
        ["GET /admin/noi-dung/{id}/so-sanh"] = Admin(),
        ["POST /admin/noi-dung/{id}/khoi-phuc"] = Admin(),
        ["GET /admin/duyet"] = Admin(),
        ["GET /admin/duyet/{id}"] = Admin(),
        ["POST /admin/duyet/{id}"] = Admin(),
        ["GET /admin/tim-kiem"] = Admin(),
        ["GET /admin/cai-dat"] = Admin("ManageSettings"),
        ["POST /admin/cai-dat"] = Admin("ManageSettings"),
        ["POST /admin/tim-kiem/xay-dung-lai"] = Admin("RebuildSearchIndex"),

        // Curation.
        ["GET /admin/tuyen-chon"] = Admin("CurateContent"),
        ["POST /admin/tuyen-chon/thu-tu"] = Admin("CurateContent"),
        ["POST /admin/tuyen-chon/{id:long}/len"] = Admin("CurateContent"),
        ["POST /admin/tuyen-chon/{id:long}/xuong"] = Admin("CurateContent"),
        ["POST /admin/tuyen-chon/{id:long}/thu-hoi"] = Admin("CurateContent"),
        ["GET /admin/tuyen-chon/noi-dung/{contentItemId}"] = Admin("CurateContent"),
        ["POST /admin/tuyen-chon/noi-dung/{contentItemId}/dien-hinh"] = Admin("CurateContent"),
        ["POST /admin/tuyen-chon/noi-dung/{contentItemId}/mo-hinh-diem"] = Admin("CurateContent"),

        // The media library.
        ["GET /admin/tep"] = Admin("ManageOwnMedia"),
        ["POST /admin/tep/tai-len"] = Admin("ManageOwnMedia"),
        ["GET /admin/tep/{id:long}"] = Admin("ManageOwnMedia"),
        ["POST /admin/tep/{id:long}/doi-ten"] = Admin("ManageOwnMedia"),
        ["POST /admin/tep/{id:long}/chuyen"] = Admin("ManageOwnMedia"),
        ["POST /admin/tep/{id:long}/xoa"] = Admin("ManageOwnMedia"),

        // Content types, recipes.
        ["GET /admin/loai-noi-dung"] = Admin("ManageContentDefinitions"),
        ["GET /admin/loai-noi-dung/tao"] = Admin("ManageContentDefinitions"),
        ["POST /admin/loai-noi-dung/tao"] = Admin("ManageContentDefinitions"),
        ["GET /admin/loai-noi-dung/{name}/sua"] = Admin("ManageContentDefinitions"),
        ["POST /admin/loai-noi-dung/{name}/sua"] = Admin("ManageContentDefinitions"),
        ["GET /admin/loai-noi-dung/{name}/truong/them"] = Admin("ManageContentDefinitions"),
        ["POST /admin/loai-noi-dung/{name}/truong/them"] = Admin("ManageContentDefinitions"),
        ["GET /admin/loai-noi-dung/{name}/truong/{field}/sua"] = Admin("ManageContentDefinitions"),
        ["POST /admin/loai-noi-dung/{name}/truong/{field}/sua"] = Admin("ManageContentDefinitions"),
        ["GET /admin/loai-noi-dung/{name}/truong/{field}/xoa"] = Admin("ManageContentDefinitions"),
        ["POST /admin/loai-noi-dung/{name}/truong/{field}/xoa"] = Admin("ManageContentDefinitions"),
        ["GET /admin/loai-noi-dung/xuat"] = Admin("ExportRecipes"),
        ["POST /admin/loai-noi-dung/xuat"] = Admin("ExportRecipes"),
        ["GET /admin/cong-thuc"] = Admin("ApplyRecipes"),
        ["POST /admin/cong-thuc"] = Admin("ApplyRecipes"),

        // Organisations, users, roles, audit trail.
        ["GET /admin/don-vi"] = Admin("ManageOrganizations"),
        ["GET /admin/don-vi/tao"] = Admin("ManageOrganizations"),
        ["POST /admin/don-vi/tao"] = Admin("ManageOrganizations"),
        ["GET /admin/don-vi/{id}/sua"] = Admin("ManageOrganizations"),
        ["POST /admin/don-vi/{id}/sua"] = Admin("ManageOrganizations"),
        ["POST /admin/don-vi/{id}/ngung-hoat-dong"] = Admin("ManageOrganizations"),
        ["POST /admin/don-vi/{id}/kich-hoat"] = Admin("ManageOrganizations"),
        ["GET /admin/don-vi/{id}/xoa"] = Admin("ManageOrganizations"),
        ["POST /admin/don-vi/{id}/xoa"] = Admin("ManageOrganizations"),
        // Report rounds and templates (Reports): a round or template out of the user's scope answers 404 (ReportRoundsAdminTests).
        ["GET /admin/bao-cao"] = Admin("ManageReportRounds"),
        ["GET /admin/bao-cao/tao"] = Admin("ManageReportRounds"),
        ["POST /admin/bao-cao/tao"] = Admin("ManageReportRounds"),
        ["GET /admin/bao-cao/{id:int}/sua"] = Admin("ManageReportRounds"),
        ["POST /admin/bao-cao/{id:int}/sua"] = Admin("ManageReportRounds"),
        ["GET /admin/bao-cao/{id:int}/de-cuong"] = Admin("ManageReportRounds"),
        ["POST /admin/bao-cao/{id:int}/de-cuong"] = Admin("ManageReportRounds"),
        ["GET /admin/bao-cao/{id:int}/chi-tieu"] = Admin("ManageReportRounds"),
        ["POST /admin/bao-cao/{id:int}/chi-tieu"] = Admin("ManageReportRounds"),
        ["GET /admin/bao-cao/{id:int}/cong-thuc"] = Admin("ExportRecipes", "ManageReportRounds"),
        ["POST /admin/bao-cao/{id:int}/mo"] = Admin("ManageReportRounds"),
        ["POST /admin/bao-cao/{id:int}/dong"] = Admin("ManageReportRounds"),
        ["GET /admin/bao-cao/{id:int}/tinh-hinh"] = Admin("ManageReportRounds"),
        ["POST /admin/bao-cao/{id:int}/tinh-hinh/nhac"] = Admin("ManageReportRounds"),
        ["GET /admin/bao-cao/{id:int}/tong-hop"] = Admin("ViewConsolidations"),
        ["GET /admin/bao-cao/{id:int}/tong-hop.xlsx"] = Admin("ViewConsolidations"),
        ["GET /admin/bao-cao/{id:int}/tong-hop.csv"] = Admin("ViewConsolidations"),
        ["GET /admin/bao-cao/{id:int}/tong-hop.docx"] = Admin("ViewConsolidations"),
        ["GET /admin/thong-ke"] = Admin("ViewStatistics"),
        ["GET /admin/thong-ke/bang/{table}.xlsx"] = Admin("ViewStatistics"),
        ["GET /admin/thong-ke/bang/{table}.csv"] = Admin("ViewStatistics"),
        ["GET /admin/thong-ke/bieu-do/{table}.svg"] = Admin("ViewStatistics"),
        ["GET /admin/thong-ke/bieu-do/{table}.png"] = Admin("ViewStatistics"),
        ["GET /admin/bao-cao/{id:int}/don-vi/{organizationId}"] = Admin("ReviewReports"),
        ["POST /admin/bao-cao/{id:int}/don-vi/{organizationId}/tra-lai"] = Admin("ReviewReports"),
        ["POST /admin/bao-cao/{id:int}/don-vi/{organizationId}/chap-nhan"] = Admin("ReviewReports"),
        // ManageReportRounds or ViewConsolidations, checked in the action (either suffices; neither: 403, tested in ReportEvidenceNominationsTests).
        ["GET /admin/bao-cao/{id:int}/de-nghi-khen-thuong"] = Admin(),
        ["GET /admin/bao-cao/{id:int}/de-nghi-khen-thuong.zip"] = Admin(),
        // Published results (TopicResults): the composer and the public pages.
        ["GET /admin/ket-qua"] = Admin("PublishResults"),
        ["GET /admin/ket-qua/tao"] = Admin("PublishResults"),
        ["POST /admin/ket-qua/tao"] = Admin("PublishResults"),
        ["GET /admin/ket-qua/{id:int}"] = Admin("PublishResults"),
        ["POST /admin/ket-qua/{id:int}"] = Admin("PublishResults"),
        ["POST /admin/ket-qua/{id:int}/bieu-do"] = Admin("PublishResults"),
        ["POST /admin/ket-qua/{id:int}/bieu-do/{blockId}"] = Admin("PublishResults"),
        ["POST /admin/ket-qua/{id:int}/bieu-do/{blockId}/len"] = Admin("PublishResults"),
        ["POST /admin/ket-qua/{id:int}/bieu-do/{blockId}/xuong"] = Admin("PublishResults"),
        ["POST /admin/ket-qua/{id:int}/bieu-do/{blockId}/xoa"] = Admin("PublishResults"),
        ["POST /admin/ket-qua/{id:int}/cap-nhat-so-lieu"] = Admin("PublishResults"),
        ["POST /admin/ket-qua/{id:int}/xuat-ban"] = Admin("PublishResults"),
        ["POST /admin/ket-qua/{id:int}/go-xuat-ban"] = Admin("PublishResults"),
        ["POST /admin/ket-qua/{id:int}/xoa"] = Admin("PublishResults"),
        ["GET /ket-qua"] = Public,
        ["GET /ket-qua/{slug}"] = Public,
        ["GET /ket-qua/{slug}/bieu-do/{blockId}.{format:regex(^(svg|png)$)}"] = Public,
        ["GET /admin/bao-cao/{id:int}/don-vi/{organizationId}/lich-su"] = Admin("ReviewReports"),
        ["GET /admin/bao-cao/mau"] = Admin("ManageReportRounds"),
        ["GET /admin/bao-cao/mau/tao"] = Admin("ManageReportRounds"),
        ["POST /admin/bao-cao/mau/tao"] = Admin("ManageReportRounds"),
        ["GET /admin/bao-cao/mau/{id:int}/sua"] = Admin("ManageReportRounds"),
        ["POST /admin/bao-cao/mau/{id:int}/sua"] = Admin("ManageReportRounds"),
        ["GET /admin/bao-cao/mau/{id:int}/cong-thuc"] = Admin("ExportRecipes", "ManageReportRounds"),
        ["GET /admin/bao-cao/mau/{id:int}/de-cuong"] = Admin("ManageReportRounds"),
        ["POST /admin/bao-cao/mau/{id:int}/de-cuong"] = Admin("ManageReportRounds"),
        ["GET /admin/bao-cao/cua-don-vi"] = Admin("AnswerReports"),
        ["GET /admin/bao-cao/cua-don-vi/{roundId:int}"] = Admin("AnswerReports"),
        ["POST /admin/bao-cao/cua-don-vi/{roundId:int}"] = Admin("AnswerReports"),
        ["POST /admin/bao-cao/cua-don-vi/{roundId:int}/bat-dau"] = Admin("AnswerReports"),
        ["GET /admin/bao-cao/cua-don-vi/{roundId:int}/lich-su"] = Admin("AnswerReports"),
        ["POST /admin/bao-cao/cua-don-vi/{roundId:int}/mo-dot-cho-truong"] = Admin("AnswerReports"),
        ["POST /admin/bao-cao/cua-don-vi/{roundId:int}/lay-so-lieu"] = Admin("AnswerReports"),
        ["GET /admin/bao-cao/mau/{id:int}/chi-tieu"] = Admin("ManageReportRounds"),
        ["POST /admin/bao-cao/mau/{id:int}/chi-tieu"] = Admin("ManageReportRounds"),
        // Commendations: decisions, recipients, items, proposals.
        ["GET /admin/khen-thuong"] = Admin("ManageCommendations"),
        ["GET /admin/khen-thuong/tao"] = Admin("ManageCommendations"),
        ["POST /admin/khen-thuong/tao"] = Admin("ManageCommendations"),
        ["GET /admin/khen-thuong/{id:int}/sua"] = Admin("ManageCommendations"),
        ["POST /admin/khen-thuong/{id:int}/sua"] = Admin("ManageCommendations"),
        ["POST /admin/khen-thuong/{id:int}/cong-bo"] = Admin("ManageCommendations"),
        ["POST /admin/khen-thuong/{id:int}/go-cong-bo"] = Admin("ManageCommendations"),
        ["POST /admin/khen-thuong/{id:int}/nguoi-nhan"] = Admin("ManageCommendations"),
        ["POST /admin/khen-thuong/{id:int}/nguoi-nhan/{recipientId:int}/xoa"] = Admin("ManageCommendations"),
        ["POST /admin/khen-thuong/{id:int}/nguoi-nhan/{recipientId:int}/di-chuyen"] = Admin("ManageCommendations"),
        ["POST /admin/khen-thuong/{id:int}/nguoi-nhan/{recipientId:int}/hoc-lieu"] = Admin("ManageCommendations"),
        ["POST /admin/khen-thuong/{id:int}/nguoi-nhan/{recipientId:int}/hoc-lieu/xoa"] = Admin("ManageCommendations"),
        ["GET /admin/khen-thuong/de-nghi"] = Admin("ManageCommendations"),
        ["POST /admin/khen-thuong/de-nghi/chap-nhan"] = Admin("ManageCommendations"),
        ["POST /admin/khen-thuong/de-nghi/tu-choi"] = Admin("ManageCommendations"),
        ["GET /admin/nguoi-dung"] = Admin("ManageUsers"),
        ["GET /admin/nguoi-dung/tao"] = Admin("ManageUsers"),
        ["POST /admin/nguoi-dung/tao"] = Admin("ManageUsers"),
        ["GET /admin/nguoi-dung/{id}/sua"] = Admin("ManageUsers"),
        ["POST /admin/nguoi-dung/{id}/sua"] = Admin("ManageUsers"),
        ["GET /admin/nguoi-dung/{id}/dat-lai-mat-khau"] = Admin("ManageUsers"),
        ["POST /admin/nguoi-dung/{id}/dat-lai-mat-khau"] = Admin("ManageUsers"),
        ["POST /admin/nguoi-dung/{id}/khoa"] = Admin("ManageUsers"),
        ["POST /admin/nguoi-dung/{id}/dat-lai-xac-thuc-hai-buoc"] = Admin("ManageUsers"),
        ["POST /admin/nguoi-dung/{id}/mo-khoa"] = Admin("ManageUsers"),
        ["GET /admin/vai-tro"] = Admin("ManageRoles"),
        ["GET /admin/vai-tro/tao"] = Admin("ManageRoles"),
        ["POST /admin/vai-tro/tao"] = Admin("ManageRoles"),
        ["GET /admin/vai-tro/{name}/sua"] = Admin("ManageRoles"),
        ["POST /admin/vai-tro/{name}/sua"] = Admin("ManageRoles"),
        ["GET /admin/thong-ke/luot-xem"] = Admin("ViewStatistics"),
        ["GET /admin/thong-ke/luot-xem.csv"] = Admin("ViewStatistics"),
        ["GET /admin/thong-ke/luot-xem.xlsx"] = Admin("ViewStatistics"),
        ["GET /admin/nhat-ky"] = Admin("ViewAuditTrail"),
        ["GET /admin/nhat-ky/xuat.csv"] = Admin("ViewAuditTrail"),
    };
}

/// <summary>
/// Issue 10, item 8: a test that knows every endpoint. The endpoints are read from the running site's routing
/// (<see cref="EndpointDataSource"/>), not listed by hand: each must have its line in <see cref="EndpointMatrix"/>, be
/// public exactly when the matrix says so, send anonymous visitors to sign-in when it is not public, and refuse a
/// signed-in user who lacks a permission it requires.
/// </summary>
public abstract class EndpointMatrixTests<TFixture>(TFixture fixture) : IClassFixture<TFixture> where TFixture : SiteFixture
{
    /// <summary>A published sample item of Trường MN Bến Thành.</summary>
    private const string SampleItemId = "initiative-doi-moi-gio-an";

    /// <summary>An account of Bến Thành with no role at all (it holds only what every signed-in user holds).</summary>
    private const string NoRoleUser = "khong.vai.tro";

    private sealed record SiteEndpoint(string Method, string Template, RouteEndpoint Endpoint)
    {
        public string Key => $"{Method} {Template}";

        public EndpointAccess Declared => new(
            Endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null,
            Endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>()
                .Select(a => a.Policy)
                .Where(p => p is not null && p.StartsWith(PermissionPolicy.Prefix, StringComparison.Ordinal))
                .Select(p => p![PermissionPolicy.Prefix.Length..])
                .ToHashSet(StringComparer.Ordinal));

        /// <summary>What is sent to it: GET for an endpoint that takes any method.</summary>
        public HttpMethod RequestMethod => Method == "*" ? HttpMethod.Get : new HttpMethod(Method);
    }

    /// <summary>The endpoints of the site's code; the files of wwwroot (one endpoint per file, encoding and fingerprint) are <see cref="StaticAssetEndpoints"/>.</summary>
    private IReadOnlyList<SiteEndpoint> SiteEndpoints()
        => fixture.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.StaticAssets.StaticAssetDescriptor>() is null)
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods is { Count: > 0 } methods ? methods : ["*"])
                .Select(method => new SiteEndpoint(method, "/" + (e.RoutePattern.RawText ?? "").TrimStart('/'), e)))
            .OrderBy(e => e.Template, StringComparer.Ordinal).ThenBy(e => e.Method, StringComparer.Ordinal)
            .ToList();

    /// <summary>A request path for an endpoint, its parameters filled with values of the sample content.</summary>
    private async Task<string> SampleUrlAsync(SiteEndpoint endpoint)
    {
        var segments = new List<string>();
        foreach (var segment in endpoint.Endpoint.RoutePattern.PathSegments)
        {
            var text = "";
            foreach (var part in segment.Parts)
            {
                text += part switch
                {
                    RoutePatternLiteralPart literal => literal.Content,
                    RoutePatternSeparatorPart separator => separator.Content,
                    RoutePatternParameterPart parameter => await SampleValueAsync(endpoint, parameter),
                    _ => throw new InvalidOperationException($"Unexpected route part in {endpoint.Template}."),
                };
            }

            segments.Add(text);
        }

        return "/" + string.Join('/', segments);
    }

    private async Task<string> SampleValueAsync(SiteEndpoint endpoint, RoutePatternParameterPart parameter)
    {
        var numeric = parameter.ParameterPolicies.Any(p => p.Content is "int" or "long");
        return parameter.Name switch
        {
            _ when numeric && parameter.Name == "code" => "404",
            _ when numeric => "1",
            "id" or "contentItemId" => SampleItemId,
            "type" or "name" => "Initiative",
            "field" => "Summary",
            "size" => "the",
            "format" => "jpg",
            "path" when endpoint.Template.StartsWith("/media/", StringComparison.Ordinal) => MediaTestSupport.SampleImage,
            "path" => await SampleItemPathAsync(),
            _ => "mau",
        };
    }

    private Task<string> SampleItemPathAsync()
        => fixture.WithServicesAsync(async sp =>
            (await sp.GetRequiredService<IContentManager>().GetAsync(SampleItemId, VersionOptions.Published))!
                .Part("AutoroutePart")!["Path"]!.GetValue<string>());

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string url)
    {
        using var request = new HttpRequestMessage(method, url);
        if (method != HttpMethod.Get)
        {
            // An empty form without an anti-forgery token: authorisation answers before the token would be checked.
            request.Content = new FormUrlEncodedContent([]);
        }

        return await client.SendAsync(request);
    }

    /// <summary>Whether a response sends the visitor to the sign-in page and back to <paramref name="url"/> afterwards.</summary>
    private static bool IsSignInRedirect(HttpResponseMessage response, string url)
    {
        if (response.StatusCode != HttpStatusCode.Redirect || response.Headers.Location is not { } location)
        {
            return false;
        }

        var target = location.IsAbsoluteUri ? location : new Uri(new Uri("http://localhost"), location);
        return target.AbsolutePath == "/admin/dang-nhap"
            && QueryHelpers.ParseQuery(target.Query).TryGetValue("ReturnUrl", out var returnUrl)
            && returnUrl == url;
    }

    private static string Describe(HttpResponseMessage response)
        => $"{(int)response.StatusCode}{(response.Headers.Location is { } location ? " → " + location.OriginalString : "")}";

    [SkippableFact]
    public void Every_endpoint_has_a_line_in_the_matrix_and_every_line_an_endpoint()
    {
        fixture.SkipUnlessAvailable();
        var endpoints = SiteEndpoints();

        var missing = endpoints.Where(e => !EndpointMatrix.Entries.ContainsKey(e.Key)).ToList();
        var stale = EndpointMatrix.Entries.Keys.Except(endpoints.Select(e => e.Key), StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var duplicates = endpoints.GroupBy(e => e.Key).Where(g => g.Count() > 1).Select(g => g.Key).ToList();

        Assert.True(missing.Count == 0 && stale.Count == 0 && duplicates.Count == 0, string.Join("\n", [
            .. missing.Count > 0
                ? ["Endpoints without a line in EndpointMatrix (line as their attributes say; check who should reach them):",
                    .. missing.Select(e => $"    [\"{e.Key}\"] = {e.Declared.Code()},")]
                : Array.Empty<string>(),
            .. stale.Count > 0 ? ["Lines of EndpointMatrix that match no endpoint:", .. stale.Select(k => "    " + k)] : Array.Empty<string>(),
            .. duplicates.Count > 0 ? ["Endpoints registered twice:", .. duplicates.Select(k => "    " + k)] : Array.Empty<string>(),
        ]));
    }

    private IReadOnlyList<RouteEndpoint> StaticAssetEndpoints()
        => fixture.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.StaticAssets.StaticAssetDescriptor>() is not null)
            .ToList();

    /// <summary>The one line of the matrix for the files of wwwroot (CSS, JS, SVG): public, GET and HEAD only, nothing else.</summary>
    [SkippableFact]
    public void The_files_of_wwwroot_are_public_and_read_only()
    {
        fixture.SkipUnlessAvailable();
        var assets = StaticAssetEndpoints();
        Assert.Contains(assets, e => e.RoutePattern.RawText == "css/site.css");
        Assert.All(assets, e =>
        {
            Assert.NotNull(e.Metadata.GetMetadata<Microsoft.AspNetCore.Authorization.IAllowAnonymous>());
            Assert.Subset(new HashSet<string> { "GET", "HEAD" }, e.Metadata.GetMetadata<IHttpMethodMetadata>()!.HttpMethods.ToHashSet());
            var first = e.RoutePattern.PathSegments[0].Parts[0];
            Assert.True(first is RoutePatternLiteralPart { Content: "css" or "js" or "favicon.svg" } || e.RoutePattern.RawText!.StartsWith("favicon", StringComparison.Ordinal),
                e.RoutePattern.RawText);
        });
    }

    [SkippableFact]
    public void Every_endpoint_is_public_exactly_when_the_matrix_says_so_and_requires_the_permissions_it_lists()
    {
        fixture.SkipUnlessAvailable();
        var wrong = SiteEndpoints()
            .Where(e => EndpointMatrix.Entries.TryGetValue(e.Key, out var expected) && !expected.Matches(e.Declared))
            .Select(e => $"    {e.Key}: the matrix says {EndpointMatrix.Entries[e.Key]}, the endpoint is {e.Declared}")
            .ToList();

        Assert.True(wrong.Count == 0, string.Join("\n", ["Endpoints whose attributes differ from the matrix:", .. wrong]));
    }

    [SkippableFact]
    public async Task Anonymous_visitors_are_sent_to_sign_in_by_every_endpoint_that_is_not_public()
    {
        fixture.SkipUnlessAvailable();
        using var anonymous = fixture.CreateClient();
        var failures = new List<string>();
        var checkedCount = 0;
        foreach (var endpoint in SiteEndpoints().Where(e => !e.Declared.IsPublic))
        {
            var url = await SampleUrlAsync(endpoint);
            using var response = await SendAsync(anonymous, endpoint.RequestMethod, url);
            checkedCount++;
            if (!IsSignInRedirect(response, url))
            {
                failures.Add($"    {endpoint.Key} ({endpoint.RequestMethod} {url}): {Describe(response)}");
            }
        }

        Assert.True(checkedCount > 50, $"Only {checkedCount} endpoints that are not public: is the site's routing read?");
        Assert.True(failures.Count == 0, string.Join("\n",
            ["Endpoints that are not public but do not answer an anonymous visitor with a redirect to /admin/dang-nhap?ReturnUrl=…:", .. failures]));
    }

    [SkippableFact]
    public async Task Public_endpoints_serve_anonymous_visitors_without_sending_them_to_sign_in()
    {
        fixture.SkipUnlessAvailable();
        using var anonymous = fixture.CreateClient();
        var failures = new List<string>();
        foreach (var endpoint in SiteEndpoints().Where(e => e.Declared.IsPublic))
        {
            var url = await SampleUrlAsync(endpoint);
            using var response = await SendAsync(anonymous, endpoint.RequestMethod, url);
            if (IsSignInRedirect(response, url) || (int)response.StatusCode >= 500)
            {
                failures.Add($"    {endpoint.Key} ({endpoint.RequestMethod} {url}): {Describe(response)}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", ["Public endpoints that refuse or fail an anonymous visitor:", .. failures]));
    }

    [SkippableFact]
    public async Task Signed_in_users_who_lack_a_permission_an_endpoint_requires_are_refused()
    {
        fixture.SkipUnlessAvailable();
        // The permissions the matrix says each endpoint requires (an endpoint without a line fails the test above).
        var endpoints = SiteEndpoints()
            .Select(e => (Endpoint: e, Required: EndpointMatrix.Entries.GetValueOrDefault(e.Key)?.Permissions ?? new HashSet<string>()))
            .Where(e => e.Required.Count > 0)
            .ToList();

        // For each permission some endpoint requires, a user holding every other permission; and one holding none.
        var users = new List<string> { await NoRoleUserAsync() };
        foreach (var permission in endpoints.SelectMany(e => e.Required).Distinct().Order(StringComparer.Ordinal))
        {
            users.Add(await AllButUserAsync(permission));
        }

        var failures = new List<string>();
        var checkedCount = 0;
        foreach (var userName in users)
        {
            var client = await SystemAdmin.As(fixture.Factory, userName, SystemAdmin.Password);
            var scope = await ScopeAsync(userName);
            foreach (var (endpoint, required) in endpoints)
            {
                var lacking = required.Where(p => !scope.Has(p)).Order(StringComparer.Ordinal).ToList();
                if (lacking.Count == 0)
                {
                    continue;
                }

                var url = await SampleUrlAsync(endpoint);
                using var response = await SendAsync(client.Http, endpoint.RequestMethod, url);
                checkedCount++;
                if (response.StatusCode is not (HttpStatusCode.Forbidden or HttpStatusCode.NotFound))
                {
                    failures.Add($"    {endpoint.Key} ({endpoint.RequestMethod} {url}) as {userName}, who lacks {string.Join(", ", lacking)}: {Describe(response)}");
                }
            }
        }

        Assert.True(checkedCount > 100, $"Only {checkedCount} refusals checked.");
        Assert.True(failures.Count == 0, string.Join("\n", ["Endpoints that do not refuse a signed-in user without a permission they require:", .. failures]));
    }

    [SkippableFact]
    public async Task A_signed_in_user_without_any_role_reaches_the_pages_open_to_every_signed_in_user()
    {
        fixture.SkipUnlessAvailable();
        var client = await SystemAdmin.As(fixture.Factory, await NoRoleUserAsync(), SystemAdmin.Password);
        var failures = new List<string>();
        foreach (var endpoint in SiteEndpoints().Where(e => e.Method == "GET" && EndpointMatrix.Entries.GetValueOrDefault(e.Key) is { IsPublic: false, Permissions.Count: 0 }))
        {
            var url = await SampleUrlAsync(endpoint);
            using var response = await client.GetAsync(url);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                failures.Add($"    {endpoint.Key} ({url}): {Describe(response)}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", ["Pages for any signed-in user that refuse one without roles:", .. failures]));
    }

    /// <summary>The account without roles, made once per site straight through Identity (no password change is due).</summary>
    private async Task<string> NoRoleUserAsync()
    {
        await fixture.WithServicesAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<CmsUser>>();
            if (await users.FindByNameAsync(NoRoleUser) is null)
            {
                var created = await users.CreateAsync(new CmsUser
                {
                    UserName = NoRoleUser,
                    DisplayName = "Người dùng không có vai trò",
                    Email = NoRoleUser + "@example.edu.vn",
                    EmailConfirmed = true,
                    OrganizationId = ContentAdminSupport.BenThanh,
                    CreatedUtc = DateTime.UtcNow,
                }, SystemAdmin.Password);
                Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
            }

            return true;
        });
        return NoRoleUser;
    }

    /// <summary>
    /// An account of Bến Thành in a role of its own holding every permission except <paramref name="permission"/> and
    /// those that imply it; made once per site straight through Identity.
    /// </summary>
    private async Task<string> AllButUserAsync(string permission)
    {
        var userName = "tru." + permission.ToLowerInvariant();
        await fixture.WithServicesAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<CmsUser>>();
            if (await users.FindByNameAsync(userName) is not null)
            {
                return true;
            }

            var all = sp.GetRequiredService<IPermissionService>().AllPermissions;
            var withheld = new HashSet<string>(StringComparer.Ordinal) { permission };
            int count;
            do
            {
                count = withheld.Count;
                withheld.UnionWith(all.Where(p => withheld.Contains(p.Name)).SelectMany(p => p.ImpliedBy ?? []).ToList());
            }
            while (withheld.Count > count);

            var roles = sp.GetRequiredService<RoleManager<CmsRole>>();
            var role = new CmsRole("TruQuyen" + permission);
            Assert.True((await roles.CreateAsync(role)).Succeeded);
            foreach (var granted in all.Select(p => p.Name).Where(p => !withheld.Contains(p)))
            {
                Assert.True((await roles.AddClaimAsync(role, new Claim(PermissionClaims.Type, granted))).Succeeded);
            }

            var user = new CmsUser
            {
                UserName = userName,
                DisplayName = "Thiếu quyền " + permission,
                Email = userName + "@example.edu.vn",
                EmailConfirmed = true,
                OrganizationId = ContentAdminSupport.BenThanh,
                CreatedUtc = DateTime.UtcNow,
            };
            var created = await users.CreateAsync(user, SystemAdmin.Password);
            Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
            Assert.True((await users.AddToRoleAsync(user, role.Name!)).Succeeded);
            return true;
        });

        var scope = await ScopeAsync(userName);
        Assert.False(scope.Has(permission), $"{userName} should not hold {permission}.");
        return userName;
    }

    private async Task<UserScope> ScopeAsync(string userName)
    {
        var id = await ContentAdminSupport.UserIdAsync(fixture, userName);
        return await fixture.WithServicesAsync(async sp => (await sp.GetRequiredService<IUserScopeService>().GetByIdAsync(id))!);
    }
}

public sealed class EndpointMatrixSqliteTests(SqliteSiteFixture fixture) : EndpointMatrixTests<SqliteSiteFixture>(fixture);

public sealed class EndpointMatrixPostgresTests(PostgresSiteFixture fixture) : EndpointMatrixTests<PostgresSiteFixture>(fixture);
