using Microsoft.AspNetCore.Mvc.RazorPages;
using PartyOrg.Domain.Common;

namespace PartyOrg.Web.Features.Shared;

/// <summary>A page that acts within the signed-in user's scope.</summary>
public abstract class ScopedPage : PageModel
{
    public IReadOnlyList<FieldError> Errors { get; protected set; } = [];

    protected Task<UserScope> ScopeAsync() => HttpContext.RequestServices.GetRequiredService<ScopeResolver>().CurrentAsync();

    /// <summary>Shows the rule errors at the top and beside each field ("fullName" → Input.FullName).</summary>
    protected void ShowErrors(IReadOnlyList<FieldError> errors)
    {
        Errors = errors;
        foreach (var e in errors)
            ModelState.AddModelError($"Input.{char.ToUpperInvariant(e.Field[0])}{e.Field[1..]}", e.Message);
    }
}
