using System.Security.Claims;
using System.Security.Cryptography;
using ChuyenDe.Modules.Admin;
using ChuyenDe.Modules.Data;
using ChuyenDe.Modules.Organizations;
using ChuyenDe.Modules.Recipes;
using ChuyenDe.Modules.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ChuyenDe.Modules.Users;

public static class UsersModule
{
    /// <summary>ASP.NET Core Identity over the site's database, roles with permissions, and the Roles and Users steps.</summary>
    public static IServiceCollection AddUsersModule(this IServiceCollection services)
    {
        services.AddIdentity<CmsUser, CmsRole>(options =>
            {
                options.Password.RequiredLength = 10;
                options.Password.RequireDigit = true;
                options.Password.RequireLowercase = true;
                options.Password.RequireUppercase = true;
                options.Password.RequireNonAlphanumeric = false;
                // No lockout after failed attempts (a stranger could keep anyone out): sign-in is slowed down per account
                // and address instead (Admin's SignInThrottle). Lockout serves an administrator's explicit lock only.
                options.Lockout.MaxFailedAccessAttempts = int.MaxValue;
                options.Lockout.AllowedForNewUsers = true;
                options.User.RequireUniqueEmail = false;
                options.User.AllowedUserNameCharacters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._@";
            })
            .AddEntityFrameworkStores<CmsDbContext>()
            .AddDefaultTokenProviders();
        services.AddSingleton<IPermissionProvider, UsersPermissions>();
        services.AddScoped<IRecipeStepHandler, RolesStep>();
        services.AddScoped<IRecipeStepHandler, UsersStep>();
        services.AddScoped<IAdministratorSetup, AdministratorSetup>();
        services.AddScoped<IPermissionService, PermissionService>();
        services.AddScoped<IUserDirectory, UserDirectory>();
        services.AddScoped<IUserScopeService, UserScopeService>();
        services.AddScoped<IRoleCatalog, RoleCatalog>();
        services.AddScoped<IUsersAdminService, UsersAdminService>();
        services.AddScoped<IOrganizationUsage, UserOrganizationUsage>();
        services.AddSingleton<IAdminMenuProvider, UsersAdminMenu>();
        return services;
    }
}

/// <summary>
/// Orchard Core's <c>Roles</c> step: <c>Roles</c> is an array of <c>{ Name, Description, Permissions[] }</c>;
/// <c>PermissionBehavior</c> Replace (default), Add or Remove.
/// </summary>
internal sealed class RolesStep(RoleManager<CmsRole> roles, IEnumerable<IPermissionProvider> providers) : IRecipeStepHandler
{
    public string Name => "Roles";

    public async Task ExecuteAsync(RecipeStepContext context, CancellationToken ct)
    {
        var known = providers.SelectMany(p => p.GetPermissions()).Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        var listPath = RecipeJson.Child(context.Path, "Roles");
        var entries = RecipeJson.Objects(RecipeJson.RequiredArray(context.Step, "Roles", context.Path), listPath).ToList();
        var parsed = new List<(string Name, string? Description, IReadOnlyList<string> Permissions, string Behavior)>();
        foreach (var (json, path) in entries)
        {
            var name = RecipeJson.RequiredIdentifier(json, "Name", path);
            var description = RecipeJson.OptionalString(json, "Description", path);
            var permissionsPath = RecipeJson.Child(path, "Permissions");
            var permissions = RecipeJson.Strings(RecipeJson.OptionalArray(json, "Permissions", path), permissionsPath);
            for (var i = 0; i < permissions.Count; i++)
            {
                if (!known.Contains(permissions[i]))
                {
                    throw new RecipeStepException(RecipeJson.Index(permissionsPath, i), $"Unknown permission '{permissions[i]}'.");
                }
            }

            var behavior = RecipeJson.OptionalString(json, "PermissionBehavior", path) ?? "Replace";
            if (behavior is not ("Replace" or "Add" or "Remove"))
            {
                throw new RecipeStepException(RecipeJson.Child(path, "PermissionBehavior"), "PermissionBehavior must be Replace, Add or Remove.");
            }

            parsed.Add((name, description, permissions, behavior));
        }

        foreach (var (name, description, permissions, behavior) in parsed)
        {
            var role = await roles.FindByNameAsync(name);
            if (role is null)
            {
                role = new CmsRole(name) { Description = description ?? "" };
                Check(await roles.CreateAsync(role), context.Path);
                context.Changes++;
            }
            else if (description is not null && role.Description != description)
            {
                role.Description = description;
                Check(await roles.UpdateAsync(role), context.Path);
                context.Changes++;
            }

            var current = (await roles.GetClaimsAsync(role)).Where(c => c.Type == PermissionClaims.Type).Select(c => c.Value).ToHashSet();
            var wanted = behavior switch
            {
                "Add" => current.Union(permissions).ToHashSet(),
                "Remove" => current.Except(permissions).ToHashSet(),
                _ => permissions.ToHashSet(),
            };
            foreach (var permission in current.Except(wanted))
            {
                Check(await roles.RemoveClaimAsync(role, new Claim(PermissionClaims.Type, permission)), context.Path);
                context.Changes++;
            }

            foreach (var permission in wanted.Except(current).Order(StringComparer.Ordinal))
            {
                Check(await roles.AddClaimAsync(role, new Claim(PermissionClaims.Type, permission)), context.Path);
                context.Changes++;
            }
        }
    }

    internal static void Check(IdentityResult result, string path)
    {
        if (!result.Succeeded)
        {
            throw new RecipeStepException(path, string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }
}

/// <summary>
/// Our own step: <c>Users</c>, an array of <c>{ UserName, Email, DisplayName, OrganizationId, Roles[], Password?, Demo? }</c>.
/// Demo accounts take <c>ChuyenDe:Setup:DemoPassword</c> and are skipped when it is not configured. Existing users
/// are left as they are.
/// </summary>
internal sealed class UsersStep(UserManager<CmsUser> users, RoleManager<CmsRole> roles, IOrganizationService organizations,
    IConfiguration configuration, TimeProvider clock) : IRecipeStepHandler
{
    public string Name => "Users";

    public async Task ExecuteAsync(RecipeStepContext context, CancellationToken ct)
    {
        var demoPassword = configuration["ChuyenDe:Setup:DemoPassword"];
        var listPath = RecipeJson.Child(context.Path, "Users");
        foreach (var (json, path) in RecipeJson.Objects(RecipeJson.RequiredArray(context.Step, "Users", context.Path), listPath).ToList())
        {
            var userName = RecipeJson.RequiredString(json, "UserName", path);
            var organizationId = RecipeJson.RequiredString(json, "OrganizationId", path);
            var roleNames = RecipeJson.Strings(RecipeJson.OptionalArray(json, "Roles", path), RecipeJson.Child(path, "Roles"));
            var demo = RecipeJson.OptionalBool(json, "Demo", path) ?? false;
            var password = RecipeJson.OptionalString(json, "Password", path);
            var email = RecipeJson.OptionalString(json, "Email", path);
            var displayName = RecipeJson.OptionalString(json, "DisplayName", path) ?? userName;
            if (await organizations.GetAsync(organizationId, ct) is null)
            {
                throw new RecipeStepException(RecipeJson.Child(path, "OrganizationId"), $"Unknown organisation '{organizationId}'.");
            }

            for (var i = 0; i < roleNames.Count; i++)
            {
                if (!await roles.RoleExistsAsync(roleNames[i]))
                {
                    throw new RecipeStepException(RecipeJson.Index(RecipeJson.Child(path, "Roles"), i), $"Unknown role '{roleNames[i]}'.");
                }
            }

            if (demo)
            {
                if (string.IsNullOrEmpty(demoPassword))
                {
                    continue;
                }

                password = demoPassword;
            }
            else if (string.IsNullOrEmpty(password))
            {
                throw new RecipeStepException(RecipeJson.Child(path, "Password"), "A user that is not a demo account needs a Password.");
            }

            if (await users.FindByNameAsync(userName) is not null)
            {
                continue;
            }

            var user = new CmsUser
            {
                UserName = userName,
                Email = email,
                EmailConfirmed = email is not null,
                DisplayName = displayName.Normalize(),
                OrganizationId = organizationId,
                CreatedUtc = clock.GetUtcNow().UtcDateTime,
            };
            var created = await users.CreateAsync(user, password);
            if (!created.Succeeded)
            {
                throw new RecipeStepException(path, string.Join(" ", created.Errors.Select(e => e.Description)));
            }

            RolesStep.Check(await users.AddToRolesAsync(user, roleNames), path);
            context.Changes++;
        }
    }
}

/// <summary>Creates the administrator account on first start.</summary>
public interface IAdministratorSetup
{
    /// <summary>
    /// Creates the administrator when no user of that name exists. Returns the generated password when none was
    /// configured, so that it can be shown once; null otherwise.
    /// </summary>
    Task<string?> EnsureAdministratorAsync(string userName, string? password, string organizationId, CancellationToken ct = default);
}

internal sealed class AdministratorSetup(UserManager<CmsUser> users, RoleManager<CmsRole> roles, TimeProvider clock) : IAdministratorSetup
{
    public async Task<string?> EnsureAdministratorAsync(string userName, string? password, string organizationId, CancellationToken ct = default)
    {
        if (await users.FindByNameAsync(userName) is not null)
        {
            return null;
        }

        var generated = string.IsNullOrEmpty(password) ? GeneratePassword() : null;
        var user = new CmsUser
        {
            UserName = userName,
            DisplayName = userName,
            OrganizationId = organizationId,
            CreatedUtc = clock.GetUtcNow().UtcDateTime,
        };
        var result = await users.CreateAsync(user, generated ?? password!);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("The administrator could not be created (check ChuyenDe:Setup:AdminPassword): "
                                                + string.Join(" ", result.Errors.Select(e => e.Description)));
        }

        if (generated is not null)
        {
            // A generated password is shown on the console: it must be replaced at the first sign-in. One the operator
            // chose through the configuration is theirs already.
            await PasswordReminder.MarkAsync(users, user);
        }

        if (!await roles.RoleExistsAsync(RoleNames.Administrator))
        {
            await roles.CreateAsync(new CmsRole(RoleNames.Administrator));
        }

        await users.AddToRoleAsync(user, RoleNames.Administrator);
        return generated;
    }

    /// <summary>20 characters from an unambiguous alphabet, with at least one upper, lower and digit.</summary>
    internal static string GeneratePassword()
    {
        const string upper = "ABCDEFGHJKLMNPQRSTUVWXYZ";
        const string lower = "abcdefghijkmnpqrstuvwxyz";
        const string digits = "23456789";
        const string all = upper + lower + digits;
        var chars = new char[20];
        chars[0] = upper[RandomNumberGenerator.GetInt32(upper.Length)];
        chars[1] = lower[RandomNumberGenerator.GetInt32(lower.Length)];
        chars[2] = digits[RandomNumberGenerator.GetInt32(digits.Length)];
        for (var i = 3; i < chars.Length; i++)
        {
            chars[i] = all[RandomNumberGenerator.GetInt32(all.Length)];
        }

        RandomNumberGenerator.Shuffle(chars.AsSpan());
        return new string(chars);
    }
}
