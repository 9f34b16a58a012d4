using IngestPipeline.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IngestPipeline.Web.Pages;

/// <summary>
/// The sign-in form. Every failure reads the same, whether the name is unknown, the password wrong or the account
/// locked, and an unknown name costs the same password hashing as a known one: nothing tells which names exist.
/// </summary>
[AllowAnonymous]
public sealed class LoginModel(SignInManager<IdentityUser> signIn, SignInThrottle throttle) : PageModel
{
    public const string Failure = "Signing in did not succeed: check the user name and password, or try again in a few minutes.";

    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    [BindProperty] public string? UserName { get; set; }
    [BindProperty] public string? Password { get; set; }
    public string? Error { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var address = HttpContext.Connection.RemoteIpAddress;
        var wait = throttle.WaitFor(address);
        if (wait > TimeSpan.Zero)
        {
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            Error = Failure;
            return Page();
        }
        string name = UserName ?? "", password = Password ?? "";
        var user = await signIn.UserManager.FindByNameAsync(name);
        if (user is null || await signIn.UserManager.IsLockedOutAsync(user))
        {
            // The hashing a password check costs, spent on nothing: an unknown or locked account answers as slowly.
            signIn.UserManager.PasswordHasher.HashPassword(user ?? new IdentityUser(name), password);
        }
        else
        {
            var result = await signIn.PasswordSignInAsync(name, password, isPersistent: false, lockoutOnFailure: true);
            if (result.Succeeded) return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
        }
        throttle.Failed(address);
        Error = Failure;
        return Page();
    }
}
