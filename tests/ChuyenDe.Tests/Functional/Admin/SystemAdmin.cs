using System.Collections.Concurrent;
using System.Net;
using System.Runtime.CompilerServices;
using AngleSharp.Html.Dom;
using ChuyenDe.Modules.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace ChuyenDe.Tests.Functional.Admin;

/// <summary>Helpers of the organisations, users and roles admin tests.</summary>
internal static class SystemAdmin
{
    public const string Password = "Mat-khau-Thu-2026";

    /// <summary>What a school contributor holds (the sample recipe's SchoolContributor role).</summary>
    public static readonly string[] ContributorPermissions =
    [
        "ViewContent", "PreviewContent", "ViewOwnContent", "EditOwnContent", "DeleteOwnContent", "CloneContent",
        "ViewContentHistory", "ManageOwnMedia", "AccessAdmin", "SubmitContent", "AnswerReports",
    ];

    private static readonly ConditionalWeakTable<CmsAppFactory, ConcurrentDictionary<string, Lazy<Task<AdminClient>>>> Clients = new();

    /// <summary>
    /// One signed-in client per account and site, shared by the tests of a class: sign-in attempts are limited to 20
    /// a minute per client address, and every test client has the same one.
    /// </summary>
    public static Task<AdminClient> As(CmsAppFactory factory, string userName, string? password = null)
        => Clients.GetOrCreateValue(factory)
            .GetOrAdd(userName, _ => new Lazy<Task<AdminClient>>(() => SignInAsync(factory, userName, password ?? Accounts.PasswordOf(userName))))
            .Value;

    public static async Task<AdminClient> SignInAsync(CmsAppFactory factory, string userName, string password)
    {
        var client = new AdminClient(factory);
        using var response = await client.SignInAsync(userName, password);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Signing in as {userName} failed: {(int)response.StatusCode}");
        using var first = await client.GetAsync("/admin");
        if (Location(first) == "/admin/doi-mat-khau")
        {
            // An account an administrator made must choose its own password first; the tests keep using the one they know.
            await ChangePasswordAsync(client, password, password + "-tam");
            await ChangePasswordAsync(client, password + "-tam", password);
        }

        return client;
    }

    public static async Task ChangePasswordAsync(AdminClient client, string current, string next)
    {
        using var changed = await PostAsync(client, "/admin/doi-mat-khau", "/admin/doi-mat-khau",
            ("CurrentPassword", current), ("NewPassword", next), ("ConfirmPassword", next));
        Assert.True(changed.StatusCode == HttpStatusCode.Redirect, $"Changing the password failed: {(int)changed.StatusCode}");
    }

    public static string Unique(string prefix) => prefix + Guid.NewGuid().ToString("N")[..8];

    /// <summary>Posts a form (repeated names allowed) with the anti-forgery token of the page it comes from.</summary>
    public static async Task<HttpResponseMessage> PostAsync(AdminClient client, string formPage, string action, params (string Name, string Value)[] fields)
        => await client.PostFormWithTokenAsync(action, fields.Select(f => KeyValuePair.Create(f.Name, f.Value)), await client.GetTokenAsync(formPage));

    public static string? Location(HttpResponseMessage response)
        => response.Headers.Location?.OriginalString.Replace("http://localhost", "", StringComparison.Ordinal);

    /// <summary>An administrator creates a role through the roles admin.</summary>
    public static async Task CreateRoleAsync(AdminClient admin, string name, params string[] permissions)
    {
        using var response = await PostAsync(admin, "/admin/vai-tro/tao", "/admin/vai-tro/tao",
            [("Name", name), ("Description", "Vai trò thử " + name), .. permissions.Select(p => ("Permissions", p))]);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Creating the role {name} failed: {(int)response.StatusCode}");
    }

    /// <summary>An administrator (or manager) creates an account through the users admin.</summary>
    public static async Task CreateUserAsync(AdminClient manager, string userName, string organizationId, params string[] roles)
    {
        using var response = await PostAsync(manager, "/admin/nguoi-dung/tao", "/admin/nguoi-dung/tao",
        [
            ("UserName", userName), ("DisplayName", "Người dùng " + userName), ("Email", userName + "@example.edu.vn"),
            ("OrganizationId", organizationId), .. roles.Select(r => ("Roles", r)), ("Password", Password), ("ConfirmPassword", Password),
        ]);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Creating the user {userName} failed: {(int)response.StatusCode}");
    }

    /// <summary>A fresh account in the organisation holding a fresh role with the permissions, signed in.</summary>
    public static async Task<(AdminClient Client, string UserName, string Role)> ManagerAsync(CmsAppFactory factory, string organizationId, params string[] permissions)
    {
        var admin = await As(factory, Accounts.Administrator);
        var role = Unique("QuanLy");
        await CreateRoleAsync(admin, role, permissions);
        var userName = Unique("quanly.");
        await CreateUserAsync(admin, userName, organizationId, role);
        return (await As(factory, userName, Password), userName, role);
    }

    public static async Task<string> UserIdAsync(SiteFixture fixture, string userName)
        => await fixture.WithServicesAsync(async sp => (await sp.GetRequiredService<UserManager<CmsUser>>().FindByNameAsync(userName))!.Id);

    public static string Text(IHtmlDocument page, string selector)
        => page.QuerySelector(selector)?.TextContent.Trim() ?? throw new Xunit.Sdk.XunitException($"No '{selector}' on the page.");
}
