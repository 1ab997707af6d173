using Microsoft.EntityFrameworkCore;
using PartyOrg.Domain.Discipline;
using PartyOrg.Web.Data;
using PartyOrg.Web.Features.Shared;

namespace PartyOrg.Web.Features.Discipline;

/// <summary>
/// Discipline decided in a period in some subtrees, as statistics and reports count it: by the path the subject held on the
/// decision, each form as decided, a decision annulled on complaint left out (read as never in force).
/// </summary>
public sealed class DisciplineTally
{
    private readonly IReadOnlyList<(DisciplineSubject Subject, DisciplineForm Form, int? Id)> rows;

    private DisciplineTally(IReadOnlyList<(DisciplineSubject, DisciplineForm, int?)> rows) => this.rows = rows;

    /// <summary>The decisions of the period in the subtrees of <paramref name="paths"/>, of one kind of subject or both.</summary>
    public static IQueryable<DisciplineDecision> Decided(AppDbContext db, IReadOnlyList<string> paths, DateOnly from, DateOnly to, DisciplineSubject? subject = null) =>
        db.DisciplineDecisions.AsNoTracking()
            .Where(d => (subject == null || d.Subject == subject) && d.DecidedOn >= from && d.DecidedOn <= to && d.ComplaintOutcome != ComplaintOutcome.Annulled)
            .Where(PathRange.WithinAny<DisciplineDecision>(d => d.OrgPath, paths));

    /// <summary>One query for the distinct (subject, form, who) triples: a handful per thousand members a year, counted in memory.</summary>
    public static async Task<DisciplineTally> OfAsync(AppDbContext db, IReadOnlyList<string> paths, DateOnly from, DateOnly to)
    {
        var found = await Decided(db, paths, from, to).Select(d => new { d.Subject, d.Form, Id = d.MemberId ?? d.OrganizationId }).Distinct().ToListAsync();
        return new(found.Select(r => (r.Subject, r.Form, r.Id)).ToList());
    }

    /// <summary>Members (or organizations) disciplined, each counted once, in one form or in any.</summary>
    public int Count(DisciplineSubject subject, DisciplineForm? form = null) =>
        rows.Where(r => r.Subject == subject && (form is null || r.Form == form)).Select(r => r.Id).Distinct().Count();
}
