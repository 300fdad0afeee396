using ChuyenDe.Modules.Security;
using Microsoft.AspNetCore.Mvc;

namespace ChuyenDe.Modules.Admin;

/// <summary>Base of the back office's controllers: admin area, signed in, holding AccessAdmin.</summary>
[Area("Admin")]
[RequirePermission(AdminPermissions.AccessAdmin)]
public abstract partial class AdminController : Controller
{
    /// <summary>Shows a one-time message on the next page.</summary>
    protected void Flash(string message) => TempData["Message"] = message;
}
