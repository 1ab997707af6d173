using Microsoft.AspNetCore.Mvc;
using PartyOrg.Web.Features.Shared;

namespace PartyOrg.Web.Features.Cadres;

public sealed record CareerView(IReadOnlyList<CareerItem> Posts, IReadOnlyList<TrainingItem> Training, IReadOnlyList<MemberVote> Votes);

/// <summary>
/// The posts a member has held, their confidence votes with the consequences, and the courses they were sent to, on their page's
/// decisions tab, for the commission that manages those posts or sent them; nothing for others.
/// </summary>
public sealed class CareerSectionViewComponent(ScopeResolver scopes, CadreRegister register, CadreTraining training, ConfidenceRounds votes) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(int memberId)
    {
        var scope = await scopes.CurrentAsync();
        var posts = await register.CareerAsync(scope, memberId);
        return posts is null ? Content("") : View("/Features/Cadres/_Career.cshtml", new CareerView(posts, await training.OfMemberAsync(scope, memberId) ?? [], await votes.OfMemberAsync(scope, memberId)));
    }
}
