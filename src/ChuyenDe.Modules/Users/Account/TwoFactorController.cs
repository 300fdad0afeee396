using System.Text;
using ChuyenDe.Modules.Admin;
using ChuyenDe.Modules.Audit;
using ChuyenDe.Modules.Settings;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;
using QRCoder;

namespace ChuyenDe.Modules.Users;

public sealed record TwoFactorView(
    bool Enabled,
    bool Required,
    string? SharedKey,
    string? QrCodeDataUri,
    int RecoveryCodesLeft,
    IReadOnlyList<string>? NewRecoveryCodes);

/// <summary>
/// <c>/admin/tai-khoan/xac-thuc-hai-buoc</c>: each signed-in user turns two-step sign-in on (an authenticator app
/// reading a QR code, confirmed with a code; ten recovery codes shown once), makes new recovery codes, or turns it off
/// (unless one of their roles requires it).
/// </summary>
[Area("Admin")]
[Authorize]
public sealed class TwoFactorController(
    UserManager<CmsUser> users,
    SignInManager<CmsUser> signIn,
    ISiteSettingsService settings,
    IAuditTrail audit,
    IStringLocalizer<AdminResources> T,
    ILogger<TwoFactorController> logger) : AdminController
{
    public const string PagePath = "/admin/tai-khoan/xac-thuc-hai-buoc";
    public const int RecoveryCodeCount = 10;

    [HttpGet(PagePath)]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        return View(await ViewOfAsync(user, null, ct));
    }

    [HttpPost(PagePath + "/bat")]
    public async Task<IActionResult> Enable([FromForm] string? code, CancellationToken ct)
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        if (await users.GetTwoFactorEnabledAsync(user))
        {
            return Redirect(PagePath);
        }

        code = (code ?? "").Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        if (code.Length == 0 || !await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            ModelState.AddModelError("code", T["The code is not correct. Check that the app shows the account just added and enter its current code."]);
            return View(nameof(Index), await ViewOfAsync(user, null, ct));
        }

        await users.SetTwoFactorEnabledAsync(user, true);
        var codes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount))?.ToList() ?? [];
        await RecordAsync(user, AuditActions.TwoFactorEnabled, ct);
        // Turning it on changes the security stamp: keep this session.
        await signIn.RefreshSignInAsync(user);
        logger.LogInformation("User {UserName} turned two-step sign-in on", user.UserName);
        ViewData["Message"] = T["Two-step sign-in is on. Keep the recovery codes below somewhere safe: they are shown only now."].Value;
        return View(nameof(Index), await ViewOfAsync(user, codes, ct));
    }

    [HttpPost(PagePath + "/ma-khoi-phuc")]
    public async Task<IActionResult> NewRecoveryCodes(CancellationToken ct)
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        if (!await users.GetTwoFactorEnabledAsync(user))
        {
            return Redirect(PagePath);
        }

        var codes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount))?.ToList() ?? [];
        ViewData["Message"] = T["New recovery codes have been made; the old ones no longer work. They are shown only now."].Value;
        return View(nameof(Index), await ViewOfAsync(user, codes, ct));
    }

    [HttpPost(PagePath + "/tat")]
    public async Task<IActionResult> Disable([FromForm] string? code, CancellationToken ct)
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        if (await IsRequiredAsync(ct))
        {
            ModelState.AddModelError("", T["Your role requires two-step sign-in: it cannot be turned off."]);
            return View(nameof(Index), await ViewOfAsync(user, null, ct));
        }

        if (await users.GetTwoFactorEnabledAsync(user))
        {
            // A code proves the phone is at hand: a session left open somewhere does not suffice to turn it off.
            code = (code ?? "").Replace(" ", "", StringComparison.Ordinal);
            var proven = code.Length == 6 && code.All(char.IsAsciiDigit)
                ? await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code)
                : code.Length > 0 && (await users.RedeemTwoFactorRecoveryCodeAsync(user, code)).Succeeded;
            if (!proven)
            {
                ModelState.AddModelError("", T["Enter the current code of your authenticator app (or a recovery code) to turn two-step sign-in off."]);
                return View(nameof(Index), await ViewOfAsync(user, null, ct));
            }

            await TwoFactorReset.ResetAsync(users, user);
            await RecordAsync(user, AuditActions.TwoFactorDisabled, ct);
            await signIn.RefreshSignInAsync(user);
            logger.LogInformation("User {UserName} turned two-step sign-in off", user.UserName);
        }

        Flash(T["Two-step sign-in is off."]);
        return Redirect(PagePath);
    }

    private async Task<bool> IsRequiredAsync(CancellationToken ct)
        => (await settings.GetAsync(ct)).TwoFactorRequiredRoles.Any(User.IsInRole);

    private Task RecordAsync(CmsUser user, string action, CancellationToken ct) => audit.RecordAsync(new AuditEntry
    {
        Category = AuditCategories.Security, Action = action, Subject = $"{user.DisplayName} ({user.UserName})", OrganizationId = user.OrganizationId,
    }, ct);

    private async Task<TwoFactorView> ViewOfAsync(CmsUser user, IReadOnlyList<string>? newCodes, CancellationToken ct)
    {
        var required = await IsRequiredAsync(ct);
        if (await users.GetTwoFactorEnabledAsync(user))
        {
            return new TwoFactorView(true, required, null, null, await users.CountRecoveryCodesAsync(user), newCodes);
        }

        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            await signIn.RefreshSignInAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user) ?? "";
        }

        var siteName = (await settings.GetAsync(ct)).SiteShortName ?? "ChuyenDe CMS";
        var issuer = Uri.EscapeDataString(siteName);
        var uri = $"otpauth://totp/{issuer}:{Uri.EscapeDataString(user.UserName ?? "")}?secret={key}&issuer={issuer}&digits=6";
        using var data = QRCodeGenerator.GenerateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        var png = new PngByteQRCode(data).GetGraphic(5);
        return new TwoFactorView(false, required, Grouped(key), "data:image/png;base64," + Convert.ToBase64String(png), 0, null);
    }

    /// <summary>The key in groups of four letters, easier to type into an app.</summary>
    private static string Grouped(string key)
    {
        var text = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            text.Append(i > 0 ? " " : "").Append(key.AsSpan(i, Math.Min(4, key.Length - i)));
        }

        return text.ToString().ToLowerInvariant();
    }
}

/// <summary>Turning a user's second factor off: no app key, no recovery codes.</summary>
public static class TwoFactorReset
{
    public static async Task ResetAsync(UserManager<CmsUser> users, CmsUser user)
    {
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 0);
    }
}
