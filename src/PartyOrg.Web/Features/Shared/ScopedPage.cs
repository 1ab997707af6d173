using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PartyOrg.Domain.Common;

namespace PartyOrg.Web.Features.Shared;

/// <summary>A page that acts within the signed-in user's scope.</summary>
public abstract class ScopedPage : PageModel
{
    public IReadOnlyList<FieldError> Errors { get; protected set; } = [];

    protected Task<UserScope> ScopeAsync() => HttpContext.RequestServices.GetRequiredService<ScopeResolver>().CurrentAsync();

    /// <summary>
    /// The page's answer to a write that did not go through: 404 or 403, or null after showing the rule errors on the page
    /// (the caller then redisplays it). Null too when the write succeeded.
    /// </summary>
    protected IActionResult? Refusal<T>(Outcome<T> outcome)
    {
        switch (outcome.Kind)
        {
            case OutcomeKind.NotFound: return NotFound();
            case OutcomeKind.Forbidden: return Forbid();
            case OutcomeKind.Invalid: ShowErrors(outcome.Errors); return null;
            default: return null;
        }
    }

    /// <summary>Shows the rule errors at the top and beside each field of the form bound as <paramref name="prefix"/> ("fullName" → Input.FullName).</summary>
    protected void ShowErrors(IReadOnlyList<FieldError> errors, string prefix = "Input")
    {
        Errors = errors;
        foreach (var e in errors)
            ModelState.AddModelError($"{prefix}.{char.ToUpperInvariant(e.Field[0])}{e.Field[1..]}", e.Message);
    }

    /// <summary>A refused write on a form: its rule errors, or for a write on a record changed meanwhile, a word beside <paramref name="staleField"/>.</summary>
    protected void ShowRefusal<T>(Outcome<T> outcome, string prefix, string staleField) =>
        ShowErrors(outcome.Kind == OutcomeKind.Stale ? [new FieldError(staleField, "Bản ghi vừa được người khác cập nhật; hãy xem lại rồi ghi lại.")] : outcome.Errors, prefix);

    /// <summary>
    /// The answer to a form's write: on success its notice and a redirect to <paramref name="back"/>; 404 or 403; else the refusal
    /// shown beside the form (bound as <paramref name="prefix"/>) on the page read again by <paramref name="reload"/>.
    /// </summary>
    protected async Task<IActionResult> AnswerFormAsync<T>(Outcome<T> outcome, string back, Func<T, string> notice, string prefix, string staleField, Func<Task<bool>> reload)
    {
        switch (outcome.Kind)
        {
            case OutcomeKind.Ok:
                TempData[Notice.Key] = notice(outcome.Value!);
                return Redirect(back);
            case OutcomeKind.NotFound: return NotFound();
            case OutcomeKind.Forbidden: return Forbid();
        }
        ShowRefusal(outcome, prefix, staleField);
        return await reload() ? Page() : NotFound();
    }
}
