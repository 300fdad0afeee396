using System.ComponentModel.DataAnnotations;
using ChuyenDe.Modules.Admin;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;

namespace ChuyenDe.Modules.Users;

public sealed class SignInForm
{
    public string UserName { get; set; } = "";
    public string Password { get; set; } = "";
    public bool RememberMe { get; set; }
    public string? ReturnUrl { get; set; }
}

public sealed class SecondStepForm
{
    public string? Code { get; set; }
    public bool RememberMe { get; set; }
    public string? ReturnUrl { get; set; }
}

public sealed class ChangePasswordForm
{
    public string CurrentPassword { get; set; } = "";
    public string NewPassword { get; set; } = "";
    public string ConfirmPassword { get; set; } = "";
}

/// <summary>Sign-in, sign-out and changing one's own password.</summary>
[Area("Admin")]
public sealed class AccountController(
    SignInManager<CmsUser> signIn,
    UserManager<CmsUser> users,
    ISignInThrottle throttle,
    IStringLocalizer<AdminResources> T,
    ILogger<AccountController> logger) : Controller
{
    public const string SecondStepPath = "/admin/dang-nhap/xac-thuc";
    public const string ChangePasswordPath = "/admin/doi-mat-khau";

    [HttpGet(AdminModule.SignInPath)]
    [AllowAnonymous]
    public IActionResult SignIn(string? returnUrl)
        => View(new SignInForm { ReturnUrl = SafeReturnUrl(returnUrl) });

    [HttpPost(AdminModule.SignInPath)]
    [AllowAnonymous]
    public async Task<IActionResult> SignIn(SignInForm form)
    {
        form.ReturnUrl = SafeReturnUrl(form.ReturnUrl);
        if (string.IsNullOrWhiteSpace(form.UserName) || string.IsNullOrEmpty(form.Password))
        {
            ModelState.AddModelError("", T["Please enter your user name and password."]);
            return View(form);
        }

        // An unknown name, a wrong password and an attempt made too early look the same, answer the same and take about
        // as long (one password hash each): nobody learns which accounts exist or that one is being slowed down.
        var address = HttpContext.Connection.RemoteIpAddress?.ToString();
        var userName = form.UserName.Trim();
        var password = form.Password;
        form.Password = "";
        if (await throttle.RetryAfterAsync(address, userName) > TimeSpan.Zero)
        {
            HashForNothing(password);
            logger.LogWarning("Sign-in attempt for {UserName} from {Address} refused: too many failures", userName, address);
            return Failed(form);
        }

        var user = await users.FindByNameAsync(userName);
        if (user is null)
        {
            HashForNothing(password);
            await throttle.FailedAsync(address, userName);
            return Failed(form);
        }

        if (await users.IsLockedOutAsync(user))
        {
            // Locked by an administrator: said only to someone who knows the password.
            if (!await users.CheckPasswordAsync(user, password))
            {
                await throttle.FailedAsync(address, userName);
                return Failed(form);
            }

            logger.LogWarning("Locked user {UserName} tried to sign in", userName);
            ModelState.AddModelError("", T["This account is locked. Ask an administrator of your unit."]);
            return View(form);
        }

        var result = await signIn.PasswordSignInAsync(user, password, form.RememberMe, lockoutOnFailure: false);
        if (result.Succeeded || result.RequiresTwoFactor)
        {
            await throttle.SucceededAsync(address, userName);
        }

        if (result.Succeeded)
        {
            logger.LogInformation("User {UserName} signed in", userName);
            return LocalRedirect(form.ReturnUrl ?? "/admin");
        }

        if (result.RequiresTwoFactor)
        {
            return Redirect(QueryHelpers.AddQueryString(SecondStepPath, new Dictionary<string, string?>
            {
                ["returnUrl"] = form.ReturnUrl, ["rememberMe"] = form.RememberMe ? "true" : null,
            }));
        }

        await throttle.FailedAsync(address, userName);
        return Failed(form);
    }

    /// <summary>The second step of signing in: a code of the authenticator app, or one of the recovery codes.</summary>
    [HttpGet(SecondStepPath)]
    [AllowAnonymous]
    public async Task<IActionResult> SecondStep(string? returnUrl, bool rememberMe)
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null)
        {
            return Redirect(AdminModule.SignInPath);
        }

        return View(new SecondStepForm { ReturnUrl = SafeReturnUrl(returnUrl), RememberMe = rememberMe });
    }

    [HttpPost(SecondStepPath)]
    [AllowAnonymous]
    public async Task<IActionResult> SecondStep(SecondStepForm form)
    {
        form.ReturnUrl = SafeReturnUrl(form.ReturnUrl);
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is not { } user)
        {
            return Redirect(AdminModule.SignInPath);
        }

        var code = (form.Code ?? "").Replace(" ", "", StringComparison.Ordinal).Trim();
        form.Code = null;
        if (code.Length == 0)
        {
            ModelState.AddModelError(nameof(form.Code), T["Enter the code shown by your authenticator app, or one of your recovery codes."]);
            return View(form);
        }

        var address = HttpContext.Connection.RemoteIpAddress?.ToString();
        var key = "2fa:" + user.UserName;
        if (await throttle.RetryAfterAsync(address, key) > TimeSpan.Zero)
        {
            ModelState.AddModelError(nameof(form.Code), T["The code is not correct. If you have tried several times, wait a moment before trying again."]);
            return View(form);
        }

        var result = code.Length == 6 && code.All(char.IsAsciiDigit)
            ? await signIn.TwoFactorAuthenticatorSignInAsync(code, form.RememberMe, rememberClient: false)
            : await signIn.TwoFactorRecoveryCodeSignInAsync(code);
        if (result.Succeeded)
        {
            await throttle.SucceededAsync(address, key);
            logger.LogInformation("User {UserName} signed in with a second factor", user.UserName);
            return LocalRedirect(form.ReturnUrl ?? "/admin");
        }

        await throttle.FailedAsync(address, key);
        logger.LogWarning("Wrong second-factor code for {UserName} from {Address}", user.UserName, address);
        ModelState.AddModelError(nameof(form.Code), T["The code is not correct. If you have tried several times, wait a moment before trying again."]);
        return View(form);
    }

    [HttpPost("/admin/dang-xuat")]
    [Authorize]
    public async Task<IActionResult> SignOutUser()
    {
        await signIn.SignOutAsync();
        return Redirect("/");
    }

    [HttpGet(ChangePasswordPath)]
    [Authorize]
    public async Task<IActionResult> ChangePassword()
    {
        ViewData["PasswordMustChange"] = await users.GetUserAsync(User) is { } user && await PasswordReminder.IsDueAsync(users, user);
        return View(new ChangePasswordForm());
    }

    [HttpPost(ChangePasswordPath)]
    [Authorize]
    public async Task<IActionResult> ChangePassword(ChangePasswordForm form)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        var mustChange = await PasswordReminder.IsDueAsync(users, user);
        ViewData["PasswordMustChange"] = mustChange;
        if (form.NewPassword != form.ConfirmPassword)
        {
            ModelState.AddModelError(nameof(form.ConfirmPassword), T["The two new passwords are not the same."]);
            return View(new ChangePasswordForm());
        }

        if (mustChange && form.NewPassword == form.CurrentPassword)
        {
            ModelState.AddModelError(nameof(form.NewPassword), T["Choose a password other than the one you were given."]);
            return View(new ChangePasswordForm());
        }

        var result = await users.ChangePasswordAsync(user, form.CurrentPassword, form.NewPassword);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(error.Code == "PasswordMismatch" ? nameof(form.CurrentPassword) : nameof(form.NewPassword),
                    IdentityMessages.Describe(error, T));
            }

            return View(new ChangePasswordForm());
        }

        await PasswordReminder.ClearAsync(users, user);
        await signIn.RefreshSignInAsync(user);
        TempData["Message"] = T["Your password has been changed."].Value;
        return Redirect("/admin");
    }

    [HttpGet("/admin/tu-choi")]
    [AllowAnonymous]
    public IActionResult Denied()
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return View(AdminController.DeniedView);
    }

    private ViewResult Failed(SignInForm form)
    {
        ModelState.AddModelError("", T["The user name or password is not correct. If you have tried several times, wait a moment before trying again."]);
        return View(nameof(SignIn), form);
    }

    /// <summary>The work of checking a password, for an attempt that has no password to check.</summary>
    private void HashForNothing(string password)
    {
        var dummy = new CmsUser { UserName = "-" };
        _dummyHash ??= users.PasswordHasher.HashPassword(dummy, Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16)));
        users.PasswordHasher.VerifyHashedPassword(dummy, _dummyHash, password);
    }

    private static string? _dummyHash;

    private string? SafeReturnUrl(string? returnUrl)
        => !string.IsNullOrEmpty(returnUrl) && Url.IsLocalUrl(returnUrl) ? returnUrl : null;
}

/// <summary>Identity's English error descriptions in the UI language.</summary>
public static class IdentityMessages
{
    public static string Describe(IdentityError error, IStringLocalizer T) => error.Code switch
    {
        "PasswordTooShort" => T["The password must have at least 10 characters."],
        "PasswordRequiresDigit" => T["The password must contain a digit (0–9)."],
        "PasswordRequiresLower" => T["The password must contain a lower-case letter (a–z)."],
        "PasswordRequiresUpper" => T["The password must contain an upper-case letter (A–Z)."],
        "PasswordMismatch" => T["The current password is not correct."],
        "DuplicateUserName" => T["This user name is already taken."],
        "InvalidUserName" => T["The user name may contain only letters a–z, digits and . _ - @"],
        "DuplicateRoleName" => T["This role name is already taken."],
        _ => T["The change could not be saved ({0}).", error.Code],
    };
}
