using System.ComponentModel.DataAnnotations;
using ChuyenDe.Modules.Users;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;

namespace ChuyenDe.Modules.Admin;

public sealed class SignInForm
{
    public string UserName { get; set; } = "";
    public string Password { get; set; } = "";
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
    SignInThrottle throttle,
    IStringLocalizer<AdminResources> T,
    ILogger<AccountController> logger) : Controller
{
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

        if (!throttle.TryAttempt(HttpContext.Connection.RemoteIpAddress?.ToString(), form.UserName))
        {
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            ModelState.AddModelError("", T["Too many sign-in attempts. Please wait a minute and try again."]);
            form.Password = "";
            return View(form);
        }

        var result = await signIn.PasswordSignInAsync(form.UserName.Trim(), form.Password, form.RememberMe, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            logger.LogInformation("User {UserName} signed in", form.UserName);
            return LocalRedirect(form.ReturnUrl ?? "/admin");
        }

        form.Password = "";
        if (result.IsLockedOut)
        {
            logger.LogWarning("User {UserName} is locked out", form.UserName);
            ModelState.AddModelError("", T["This account is locked for a while after repeated failed sign-ins. Try again later or ask an administrator."]);
        }
        else
        {
            ModelState.AddModelError("", T["The user name or password is not correct."]);
        }

        return View(form);
    }

    [HttpPost("/admin/dang-xuat")]
    [Authorize]
    public async Task<IActionResult> SignOutUser()
    {
        await signIn.SignOutAsync();
        return Redirect("/");
    }

    [HttpGet("/admin/doi-mat-khau")]
    [Authorize]
    public IActionResult ChangePassword() => View(new ChangePasswordForm());

    [HttpPost("/admin/doi-mat-khau")]
    [Authorize]
    public async Task<IActionResult> ChangePassword(ChangePasswordForm form)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (form.NewPassword != form.ConfirmPassword)
        {
            ModelState.AddModelError(nameof(form.ConfirmPassword), T["The two new passwords are not the same."]);
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

        await signIn.RefreshSignInAsync(user);
        TempData["Message"] = T["Your password has been changed."].Value;
        return Redirect("/admin");
    }

    [HttpGet("/admin/tu-choi")]
    [AllowAnonymous]
    public IActionResult Denied()
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return View();
    }

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
