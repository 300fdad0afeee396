using System.Net;
using ChuyenDe.Modules.Operations;
using Microsoft.AspNetCore.Http;

namespace ChuyenDe.Tests.Unit.Operations;

public sealed class AllowedNetworksTests
{
    [Theory]
    [InlineData("127.0.0.1", true)]
    [InlineData("127.200.3.4", true)]
    [InlineData("::1", true)]
    [InlineData("::ffff:127.0.0.1", true)]
    [InlineData("10.0.0.1", false)]
    [InlineData("192.168.1.1", false)]
    [InlineData("2001:db8::1", false)]
    [InlineData("::ffff:10.0.0.1", false)]
    public void By_default_only_loopback_is_allowed(string address, bool allowed)
        => Assert.Equal(allowed, AllowedNetworks.Parse([]).Allows(IPAddress.Parse(address)));

    [Fact]
    public void A_request_without_an_address_is_one_made_inside_the_process()
        => Assert.True(AllowedNetworks.Parse(["10.0.0.0/8"]).Allows(null));

    [Theory]
    [InlineData("10.1.200.3", true)]
    [InlineData("::ffff:10.1.0.9", true)]
    [InlineData("10.2.0.1", false)]
    [InlineData("192.0.2.10", true)]
    [InlineData("192.0.2.11", false)]
    [InlineData("2001:db8:1::5", true)]
    [InlineData("127.0.0.1", false)]
    public void Configured_networks_replace_loopback(string address, bool allowed)
        => Assert.Equal(allowed, AllowedNetworks.Parse(["10.1.0.0/16", " 192.0.2.10 ", "2001:db8:1::/48", ""]).Allows(IPAddress.Parse(address)));

    [Theory]
    [InlineData("10.0.0.0/33")]
    [InlineData("mang-noi-bo")]
    public void A_bad_entry_stops_the_start_with_the_setting_named(string entry)
    {
        var error = Assert.Throws<InvalidOperationException>(() => AllowedNetworks.Parse([entry]));
        Assert.Contains("ChuyenDe:Operations:AllowedNetworks", error.Message);
        Assert.Contains(entry, error.Message);
    }

    [Theory]
    [InlineData("/health/live", "health")]
    [InlineData("/metrics", "health")]
    [InlineData("/admin/noi-dung", "admin")]
    [InlineData("/media/2026/anh.jpg", "media")]
    [InlineData("/tim-kiem", "search")]
    [InlineData("/tim-kiem/goi-y", "search")]
    [InlineData("/oai", "oai")]
    [InlineData("/feed", "feeds")]
    [InlineData("/tin-tuc/feed/atom", "feeds")]
    [InlineData("/sitemap.xml", "feeds")]
    [InlineData("/sitemap-2.xml", "feeds")]
    [InlineData("/robots.txt", "feeds")]
    [InlineData("/su-kien/lich.ics", "feeds")]
    [InlineData("/css/site.css", "static")]
    [InlineData("/", "public")]
    [InlineData("/sang-kien/doi-moi-gio-an", "public")]
    [InlineData("/healthy-food", "public")]
    public void Paths_fall_in_a_few_route_groups(string path, string group)
        => Assert.Equal(group, RouteGroups.Of(new PathString(path)));
}
